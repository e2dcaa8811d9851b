extension SparseVector {
    /// The dot product, by merging the two sorted key lists.
    public func dot(_ other: SparseVector) -> Double {
        var i = 0
        var j = 0
        var sum = 0.0
        let a = keys, b = other.keys
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// Cosine similarity; 0 when either vector is zero.
    public func cosine(_ other: SparseVector) -> Double {
        let denominator = norm * other.norm
        return denominator > 0 ? dot(other) / denominator : 0
    }

    /// The vector scaled to unit Euclidean length (unchanged if zero).
    public func normalized() -> SparseVector {
        let n = norm
        guard n > 0 else { return self }
        return mapValues { $0 / n }
    }

    /// The vector with `transform` applied to every stored value.
    public func mapValues(_ transform: (Double) -> Double) -> SparseVector {
        SparseVector(sortedKeys: keys, values: values.map(transform))
    }

    /// The vector with each value replaced by `transform(key, value)`; zero results are dropped.
    public func mapEntries(_ transform: (UInt64, Double) -> Double) -> SparseVector {
        var newKeys: [UInt64] = []
        var newValues: [Double] = []
        newKeys.reserveCapacity(count)
        newValues.reserveCapacity(count)
        for i in keys.indices {
            let v = transform(keys[i], values[i])
            if v != 0 {
                newKeys.append(keys[i])
                newValues.append(v)
            }
        }
        return SparseVector(sortedKeys: newKeys, values: newValues)
    }

    /// The element-wise sum of several vectors, by pairwise merging (O(total · log count)).
    public static func sum(_ vectors: [SparseVector]) -> SparseVector {
        guard vectors.count > 1 else { return vectors.first ?? SparseVector() }
        let middle = vectors.count / 2
        return sum(Array(vectors[..<middle])) + sum(Array(vectors[middle...]))
    }

    /// The element-wise sum of two vectors.
    public static func + (lhs: SparseVector, rhs: SparseVector) -> SparseVector {
        var keys: [UInt64] = []
        var values: [Double] = []
        keys.reserveCapacity(lhs.count + rhs.count)
        values.reserveCapacity(lhs.count + rhs.count)
        var i = 0, j = 0
        while i < lhs.count || j < rhs.count {
            if j == rhs.count || (i < lhs.count && lhs.keys[i] < rhs.keys[j]) {
                keys.append(lhs.keys[i])
                values.append(lhs.values[i])
                i += 1
            } else if i == lhs.count || rhs.keys[j] < lhs.keys[i] {
                keys.append(rhs.keys[j])
                values.append(rhs.values[j])
                j += 1
            } else {
                keys.append(lhs.keys[i])
                values.append(lhs.values[i] + rhs.values[j])
                i += 1
                j += 1
            }
        }
        return SparseVector(sortedKeys: keys, values: values)
    }

    /// The element-wise mean of several vectors (empty for no vectors).
    public static func mean(_ vectors: [SparseVector]) -> SparseVector {
        guard !vectors.isEmpty else { return SparseVector() }
        let n = Double(vectors.count)
        return sum(vectors).mapValues { $0 / n }
    }
}
