//! Align two strings and print the pairs: `cargo run --example align_two_strings`.
use selaras::{Config, Document, Lang, align_documents};

fn main() {
    let id = Document::new(
        "Banjir melanda Semarang. Ribuan warga mengungsi.",
        Lang::Id,
        false,
    );
    let en = Document::new(
        "Floods hit Semarang. Thousands of residents fled.",
        Lang::En,
        false,
    );
    for bead in align_documents(&id, &en, &Config::default()) {
        let (src, tgt) = (id.text_of(&bead.src), en.text_of(&bead.tgt));
        let flags: Vec<&str> = bead.flags.iter().map(|f| f.code()).collect();
        println!("{:.3}\t{src}\t{tgt}\t{}", bead.confidence, flags.join(";"));
    }
}
