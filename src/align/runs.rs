//! Key runs: the anchor keys of every run of consecutive sentences, united
//! once, so that the cost of a bead merges two sorted lists and nothing more.
//!
//! In: the sorted, distinct key lists of one side's sentences and the longest
//! run a bead takes. Out: for every start and run length up to that, the
//! sorted, distinct union of the run's keys.

/// The key unions of all runs of 2 to `longest` consecutive sentences.
#[derive(Debug, Clone, Default)]
pub struct KeyRuns {
    /// Per run length 2, 3, …: the unions laid end to end, and where each
    /// start's union begins (one more entry than starts).
    by_length: Vec<(Vec<u32>, Vec<usize>)>,
}

impl KeyRuns {
    /// Unites the runs of `lists` of 2 to `longest` sentences.
    pub fn new(lists: &[Vec<u32>], longest: usize) -> KeyRuns {
        let mut by_length: Vec<(Vec<u32>, Vec<usize>)> = Vec::new();
        for len in 2..=longest.min(lists.len()) {
            let starts = lists.len() + 1 - len;
            let mut keys = Vec::new();
            let mut bounds = Vec::with_capacity(starts + 1);
            bounds.push(0);
            for i in 0..starts {
                let shorter = match by_length.last() {
                    Some((k, b)) => &k[b[i]..b[i + 1]],
                    None => &lists[i][..],
                };
                union_into(shorter, &lists[i + len - 1], &mut keys);
                bounds.push(keys.len());
            }
            by_length.push((keys, bounds));
        }
        KeyRuns { by_length }
    }

    /// The keys of sentences `i..i + len`, sorted and distinct; `lists` are
    /// the lists the runs were made from. `None` for runs longer than the
    /// runs were made for.
    pub fn get<'a>(&'a self, lists: &'a [Vec<u32>], i: usize, len: usize) -> Option<&'a [u32]> {
        match len {
            0 => Some(&[]),
            1 => Some(&lists[i]),
            _ => {
                let (keys, bounds) = self.by_length.get(len - 2)?;
                Some(&keys[bounds[i]..bounds[i + 1]])
            }
        }
    }
}

/// Summed weight of the keys two sorted, distinct lists share, in ascending order.
pub fn merged_weight(left: &[u32], right: &[u32], weights: &[f64]) -> f64 {
    let (mut x, mut y, mut sum) = (0, 0, 0.0);
    while x < left.len() && y < right.len() {
        match left[x].cmp(&right[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                sum += weights[left[x] as usize];
                x += 1;
                y += 1;
            }
        }
    }
    sum
}

/// Appends the sorted union of two sorted, distinct lists to `out`.
fn union_into(a: &[u32], b: &[u32], out: &mut Vec<u32>) {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => {
                out.push(a[x]);
                x += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[y]);
                y += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[x]);
                x += 1;
                y += 1;
            }
        }
    }
    out.extend_from_slice(&a[x..]);
    out.extend_from_slice(&b[y..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_hold_the_sorted_union_of_their_sentences() {
        let lists = vec![vec![1, 5], vec![2, 5], vec![], vec![0, 9]];
        let runs = KeyRuns::new(&lists, 3);
        assert_eq!(runs.get(&lists, 0, 1), Some(&[1, 5][..]));
        assert_eq!(runs.get(&lists, 0, 2), Some(&[1, 2, 5][..]));
        assert_eq!(runs.get(&lists, 1, 3), Some(&[0, 2, 5, 9][..]));
        assert_eq!(runs.get(&lists, 2, 2), Some(&[0, 9][..]));
        assert_eq!(runs.get(&lists, 0, 4), None);
    }
}
