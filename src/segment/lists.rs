//! Lists written inside one paragraph: `1. … 2. …`, `1) … 2) …`,
//! `a. … b. …`, `• … • …`. Their markers are not sentence ends, and each
//! item starts a sentence, end mark or not.

use std::ops::Range;

/// Characters that open a bulleted item.
pub fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '‣' | '●' | '·')
}

/// `1)`, `c)`: a list item's marker closed by a bracket, which opens no
/// bracket (`yakni 1) menjaga …, 2) menekan …`) and is no figure.
pub fn is_bracket_marker(token: &str) -> bool {
    marker(token).is_some_and(|m| m.style == b')')
}

/// A list marker: `3.`, `3.)`, `3)`, `c.`, `c)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    /// 1 for `1`, `a` and `A`.
    value: u32,
    /// `b'1'` for numbers, `b'a'`/`b'A'` for letters.
    kind: u8,
    /// `.`, `.)` or `)`, as one byte each: `b'.'`, `b']'`, `b')'`.
    style: u8,
}

fn marker(token: &str) -> Option<Marker> {
    let (body, style) = if let Some(b) = token.strip_suffix(".)") {
        (b, b']')
    } else if let Some(b) = token.strip_suffix(')') {
        (b, b')')
    } else {
        (token.strip_suffix('.')?, b'.')
    };
    if !body.is_empty() && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Marker {
            value: body.parse().ok()?,
            kind: b'1',
            style,
        });
    }
    let mut cs = body.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Some(Marker {
            value: c as u32 - 'a' as u32 + 1,
            kind: b'a',
            style,
        }),
        (Some(c), None) if c.is_ascii_uppercase() => Some(Marker {
            value: c as u32 - 'A' as u32 + 1,
            kind: b'A',
            style,
        }),
        _ => None,
    }
}

/// Where the paragraph's list items start (after the first), and the byte
/// ranges of all its markers. A paragraph is a list when it opens with a
/// bullet or with marker 1 / `a`; later items are the same bullet, or the
/// next marker in sequence and style.
/// Both lists are in text order, so lookups are binary searches: a
/// paragraph that is one long list stays linear.
pub struct Items {
    pub starts: Vec<usize>,
    pub markers: Vec<Range<usize>>,
}

impl Items {
    /// Whether byte `at` lies inside a list marker.
    pub fn is_marker(&self, at: usize) -> bool {
        let k = self.markers.partition_point(|m| m.end <= at);
        self.markers.get(k).is_some_and(|m| m.contains(&at))
    }
}

impl Items {
    /// Byte ranges of the items that are bibliography entries (`1. Pranoto,
    /// A. (4 Juni 2026). “…”. Kabar Bogor. Diakses 5 Juni 2026.`): each is
    /// one entry, whatever its full stops.
    /// A paragraph of one numbered line (`4. Wicaksono, H. dkk. (1999). …`,
    /// its list's other entries on lines of their own) may be one too.
    pub fn citations(&self, para: &str) -> Vec<Range<usize>> {
        let numbered = para.split_whitespace().next().and_then(marker).is_some();
        if self.markers.is_empty() && !numbered {
            return Vec::new();
        }
        let bounds: Vec<usize> = (std::iter::once(0).chain(self.starts.iter().copied()))
            .chain(std::iter::once(para.len()))
            .collect();
        bounds
            .windows(2)
            .map(|w| w[0]..w[1])
            .filter(|r| is_citation(&para[r.clone()]))
            .collect()
    }
}

/// A bibliography entry: a bracketed year closed by a full stop (`(1976).`,
/// `(4 Juni 2026).`), or the date it was read (`Diakses`, `Retrieved`).
fn is_citation(item: &str) -> bool {
    const READ: [&str; 4] = ["Diakses ", "diakses ", "Retrieved ", "Accessed "];
    let dated = item.match_indices(").").any(|(at, _)| {
        let inside = item[..at].rsplit('(').next().unwrap_or("");
        let year = inside.rsplit(' ').next().unwrap_or("");
        let year = year.trim_end_matches(|c: char| c.is_ascii_lowercase());
        year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())
    });
    dated || READ.iter().any(|r| item.contains(r))
}

pub fn items(para: &str) -> Items {
    let mut out = Items {
        starts: Vec::new(),
        markers: Vec::new(),
    };
    // Most paragraphs are prose: look no further unless the first word opens a list.
    let first = para.split_whitespace().next().unwrap_or("");
    let opens =
        first.chars().next().is_some_and(is_bullet) || marker(first).is_some_and(|m| m.value == 1);
    if !opens {
        return out;
    }
    let tokens: Vec<(usize, &str)> = para
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - para.as_ptr() as usize, t))
        .collect();
    let Some(&(_, first)) = tokens.first() else {
        return out;
    };
    let bullet = first.chars().next().filter(|&c| is_bullet(c));
    let mut expected: Option<Marker> = None;
    for (k, &(at, token)) in tokens.iter().enumerate() {
        // A marker may stand after a bullet, glued (`⁃9.`) or not (`• 9.`).
        let (body_at, body) = match token.chars().next() {
            Some(c) if is_bullet(c) => (at + c.len_utf8(), &token[c.len_utf8()..]),
            _ => (at, token),
        };
        let after_bullet = body_at > at || k > 0 && tokens[k - 1].1.chars().all(is_bullet);
        if let Some(b) = bullet
            && k > 0
            && token.starts_with(b)
        {
            out.starts.push(at);
        }
        let Some(m) = marker(body) else { continue };
        let opens = k == 0 && m.value == 1;
        let continues = expected.is_some_and(|e| e == m);
        if opens || continues || after_bullet && bullet.is_some() {
            if continues && !after_bullet {
                out.starts.push(at);
            }
            out.markers.push(body_at..body_at + body.len());
            expected = Some(Marker {
                value: m.value + 1,
                ..m
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(p: &str) -> Vec<String> {
        items(p)
            .starts
            .iter()
            .map(|&s| p[s..].chars().take(2).collect())
            .collect()
    }

    #[test]
    fn numbered_lettered_and_bulleted() {
        assert_eq!(starts("1) The first item 2) The second item"), ["2)"]);
        assert_eq!(starts("1.) One. 2.) Two."), ["2."]);
        assert_eq!(starts("a. One b. Two c. Three"), ["b.", "c."]);
        assert_eq!(starts("• 9. One • 10. Two"), ["• "]);
        assert_eq!(items("⁃9. One ⁃10. Two").markers.len(), 2);
        // Not lists: no opening marker, or out of sequence.
        assert!(starts("See chapter 2. The end.").is_empty());
        assert!(starts("1. One 3. Three").is_empty());
    }

    #[test]
    fn bibliography_entries() {
        let p = "1. Pranoto, A. (4 Juni 2026). “Tutup Usia”. Kabar Bogor. 2. Hartati, N. (2015a). Gambut. Bogor. 3. Periksa rem. Isi bensin.";
        let found: Vec<&str> = items(p).citations(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(found.len(), 2);
        assert!(found[1].starts_with("2. Hartati"));
        let read = "6. “Daftar Anggota”. AIPI. Diakses 5 Juni 2026.";
        assert_eq!(items(read).citations(read).len(), 1);
    }
}
