import Foundation

/// Aligns two sequences of token ids: which stretches are equal, deleted or inserted.
///
/// Myers' O((N+M)·D) algorithm on small stretches, patience anchors (ids unique on both sides,
/// kept in order by a longest increasing subsequence) to cut large stretches into small ones, and a
/// global work budget: once it is spent, what is left is marked replaced whole. The result is then
/// sometimes less than minimal, but the time is bounded whatever the input (no quadratic blow-up).
struct TokenAligner {
    /// What an aligned stretch is.
    enum Operation: Sendable, Equatable { case equal, delete, insert }

    /// An aligned stretch: `a` and `b` are the ranges it covers (the empty range at the position for the side it is not in).
    struct Step: Sendable, Equatable {
        var operation: Operation
        var a: Range<Int>
        var b: Range<Int>
    }

    let a: [Int]
    let b: [Int]
    /// Which ids may serve as anchors (words; whitespace and punctuation repeat too often to mean anything).
    let anchorable: (Int) -> Bool
    /// Work units (comparisons, table entries) allowed in total.
    let budget: Int
    /// Work units spent.
    private(set) var work = 0
    /// How many stretches were marked replaced whole because the budget ran out or no alignment was found in bounds.
    private(set) var approximations = 0
    private(set) var steps: [Step] = []

    /// Largest number of edits one Myers search may look for (its trace grows with the square of it).
    static let maxEdits = 1000
    /// Stretches up to this many tokens (both sides) try Myers before looking for anchors.
    static let smallStretch = 2000

    init(a: [Int], b: [Int], budget: Int = 3_000_000, anchorable: @escaping (Int) -> Bool = { _ in true }) {
        self.a = a
        self.b = b
        self.budget = budget
        self.anchorable = anchorable
    }

    /// Aligns the whole of `a` with the whole of `b`.
    mutating func run() -> [Step] {
        steps = []
        align(0, a.count, 0, b.count)
        return steps
    }

    private var remaining: Int { max(0, budget - work) }

    private mutating func align(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
        var aLo = aLo, bLo = bLo, aHi = aHi, bHi = bHi
        var prefix = 0
        while aLo + prefix < aHi, bLo + prefix < bHi, a[aLo + prefix] == b[bLo + prefix] { prefix += 1 }
        emit(.equal, aLo..<(aLo + prefix), bLo..<(bLo + prefix))
        aLo += prefix
        bLo += prefix
        var suffix = 0
        while aHi - suffix > aLo, bHi - suffix > bLo, a[aHi - suffix - 1] == b[bHi - suffix - 1] { suffix += 1 }
        aHi -= suffix
        bHi -= suffix
        work += prefix + suffix + 1
        middle(aLo, aHi, bLo, bHi)
        emit(.equal, aHi..<(aHi + suffix), bHi..<(bHi + suffix))
    }

    /// Aligns a stretch whose ends differ.
    private mutating func middle(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
        let n = aHi - aLo, m = bHi - bLo
        if n == 0 || m == 0 {
            emit(.delete, aLo..<aHi, bLo..<bLo)
            emit(.insert, aHi..<aHi, bLo..<bHi)
            return
        }
        let size = n + m
        let edits = min(Self.maxEdits, remaining / size)
        if size <= Self.smallStretch, edits > 0, myers(aLo, aHi, bLo, bHi, maxEdits: edits) { return }
        let anchors = remaining > size ? patienceAnchors(aLo, aHi, bLo, bHi) : []
        if !anchors.isEmpty {
            var i = aLo, j = bLo
            for (x, y) in anchors {
                align(i, x, j, y)
                emit(.equal, x..<(x + 1), y..<(y + 1))
                i = x + 1
                j = y + 1
            }
            align(i, aHi, j, bHi)
            return
        }
        if size > Self.smallStretch, edits > 0, myers(aLo, aHi, bLo, bHi, maxEdits: edits) { return }
        approximations += 1
        emit(.delete, aLo..<aHi, bLo..<bLo)
        emit(.insert, aHi..<aHi, bLo..<bHi)
    }

    /// Appends a step, merging it into the previous one when they are the same operation.
    private mutating func emit(_ operation: Operation, _ ra: Range<Int>, _ rb: Range<Int>) {
        guard !ra.isEmpty || !rb.isEmpty else { return }
        if let last = steps.last, last.operation == operation, last.a.upperBound == ra.lowerBound, last.b.upperBound == rb.lowerBound {
            steps[steps.count - 1].a = last.a.lowerBound..<ra.upperBound
            steps[steps.count - 1].b = last.b.lowerBound..<rb.upperBound
        } else {
            steps.append(Step(operation: operation, a: ra, b: rb))
        }
    }

    /// Ids that occur exactly once on each side, in an order both sides agree on.
    private mutating func patienceAnchors(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) -> [(Int, Int)] {
        work += (aHi - aLo) + (bHi - bLo)
        // Per id: occurrences in a, in b, and the position in b.
        var seen: [Int: (inA: Int, inB: Int, posB: Int)] = [:]
        for j in bLo..<bHi {
            let id = b[j]
            let e = seen[id] ?? (0, 0, j)
            seen[id] = (0, e.inB + 1, e.posB)
        }
        for i in aLo..<aHi {
            let id = a[i]
            if let e = seen[id] { seen[id] = (e.inA + 1, e.inB, e.posB) }
        }
        var candidates: [(Int, Int)] = []
        for i in aLo..<aHi {
            let id = a[i]
            if let e = seen[id], e.inA == 1, e.inB == 1, anchorable(id) { candidates.append((i, e.posB)) }
        }
        guard !candidates.isEmpty else { return [] }
        return Self.longestIncreasing(candidates)
    }

    /// The longest subsequence of `pairs` (sorted by their first element) whose second elements increase.
    static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        // Patience sorting: tails[k] is the index of the smallest tail of an increasing run of length k+1.
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].1 < pair.1 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[index] = tails[lo - 1] }
            if lo == tails.count { tails.append(index) } else { tails[lo] = index }
        }
        var out: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 {
            out.append(pairs[k])
            k = previous[k]
        }
        return out.reversed()
    }

    /// Myers' greedy search for a shortest edit script of at most `maxEdits` edits; appends the steps
    /// and returns true when one is found, else appends nothing and returns false.
    private mutating func myers(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, maxEdits: Int) -> Bool {
        let n = aHi - aLo, m = bHi - bLo
        let limit = min(maxEdits, n + m)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] holds v[-d-1 ... d+1] as it was before round d.
        var trace: [[Int]] = []
        trace.reserveCapacity(min(limit + 1, 64))
        var found: Int?
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            work += d + 1
            if work > budget { return false }
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                let start = x
                while x < n, y < m, a[aLo + x] == b[bLo + y] {
                    x += 1
                    y += 1
                }
                work += x - start
                v[offset + k] = x
                if x >= n, y >= m {
                    found = d
                    break search
                }
            }
        }
        guard let edits = found else { return false }
        // Walk back from (n, m), collecting single-token operations in reverse.
        var reversed: [(Operation, Int, Int)] = []
        var x = n, y = m
        for d in stride(from: edits, through: 0, by: -1) {
            let saved = trace[d]
            let base = d + 1
            let k = x - y
            var prevX = 0, prevY = 0
            if d > 0 {
                let prevK = (k == -d || (k != d && saved[base + k - 1] < saved[base + k + 1])) ? k + 1 : k - 1
                prevX = saved[base + prevK]
                prevY = prevX - prevK
            }
            while x > prevX, y > prevY {
                reversed.append((.equal, x - 1, y - 1))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == prevX { reversed.append((.insert, x, y - 1)) } else { reversed.append((.delete, x - 1, y)) }
            }
            x = prevX
            y = prevY
        }
        for (operation, i, j) in reversed.reversed() {
            switch operation {
            case .equal: emit(.equal, (aLo + i)..<(aLo + i + 1), (bLo + j)..<(bLo + j + 1))
            case .delete: emit(.delete, (aLo + i)..<(aLo + i + 1), (bLo + j)..<(bLo + j))
            case .insert: emit(.insert, (aLo + i)..<(aLo + i), (bLo + j)..<(bLo + j + 1))
            }
        }
        return true
    }
}
