//! Anchor chains: the longest monotone sequence of sentence pairs that share
//! rare tokens. It shows where the documents correspond even when a coarser
//! view cannot (repeated or evenly spread vocabulary, long insertions), and
//! `plan` lays a corridor along it.

/// The longest chain of `pairs` increasing in both coordinates (patience
/// sorting, O(p log p)). Several pairs may share a source sentence.
pub fn longest(mut pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    // Within one source sentence, later targets first, so that at most one
    // pair per source sentence can join a strictly increasing chain.
    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    // tails[k]: index of the pair ending the best chain of length k + 1 found
    // so far (the one with the smallest target); back: each pair's predecessor.
    let mut tails: Vec<usize> = Vec::new();
    let mut back = vec![usize::MAX; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        if at > 0 {
            back[k] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        chain.push(pairs[k]);
        k = back[k];
    }
    chain.reverse();
    chain
}

/// The grid rectangles from (0,0) through each anchor to (n,m): the path
/// runs through the anchors, and anywhere between them.
pub fn rects(
    chain: &[(usize, usize)],
    n: usize,
    m: usize,
) -> impl Iterator<Item = ((usize, usize), (usize, usize))> {
    let points: Vec<(usize, usize)> = std::iter::once((0, 0))
        .chain(chain.iter().flat_map(|&(i, j)| [(i, j), (i + 1, j + 1)]))
        .chain(std::iter::once((n, m)))
        .collect();
    (1..points.len()).map(move |k| {
        let ((i0, j0), (i1, j1)) = (points[k - 1], points[k]);
        ((i0, i1.max(i0)), (j0, j1.max(j0)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_longest_monotone_chain() {
        let pairs = vec![(0, 0), (1, 5), (1, 1), (2, 2), (3, 1), (4, 4), (5, 5)];
        assert_eq!(longest(pairs), [(0, 0), (1, 1), (2, 2), (4, 4), (5, 5)]);
        assert!(longest(Vec::new()).is_empty());
    }

    #[test]
    fn one_pair_per_source_sentence() {
        let chain = longest(vec![(0, 0), (0, 1), (0, 2), (1, 3)]);
        assert_eq!(chain.len(), 2);
    }
}
