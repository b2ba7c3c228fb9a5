//! Shared anchor weight of two key lists, for scoring document pairs.
//!
//! In: two sorted, distinct key lists and the weight of every key. Out: the
//! summed weight of the keys both hold.

/// Summed weight of the keys two sorted, distinct lists share.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_shared_keys_count() {
        let weights = [1.0, 2.0, 4.0, 8.0];
        assert_eq!(merged_weight(&[0, 2, 3], &[1, 2, 3], &weights), 12.0);
        assert_eq!(merged_weight(&[], &[1], &weights), 0.0);
    }
}
