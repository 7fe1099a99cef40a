/// Lazily allocated ncurses colour pairs, one per (foreground, background) actually drawn.
///
/// Pair 0 is the terminal's default colours and is never allocated. When every pair is in use the
/// table says so and the caller starts over (`reset`) and repaints, because on-screen cells still
/// refer to the old pair numbers.
struct ColorPairTable: Sendable {
    /// What `lookup` found.
    enum Lookup: Sendable, Hashable {
        /// The pair exists already.
        case ready(Int32)
        /// A new pair number: the caller must `init_extended_pair` it with the colours.
        case allocate(Int32)
        /// No pair number is left.
        case exhausted
    }

    /// Colour numbers as curses takes them: -1 is the terminal's default.
    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// `COLOR_PAIRS`: valid pair numbers are 1..<capacity.
    let capacity: Int32
    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1

    init(capacity: Int32) {
        self.capacity = max(1, capacity)
    }

    /// How many pairs are allocated.
    var count: Int { pairs.count }

    mutating func lookup(foreground: Int32, background: Int32) -> Lookup {
        if foreground == -1, background == -1 { return .ready(0) }
        let key = Key(foreground: foreground, background: background)
        if let pair = pairs[key] { return .ready(pair) }
        guard next < capacity else { return .exhausted }
        let pair = next
        next += 1
        pairs[key] = pair
        return .allocate(pair)
    }

    /// Forgets every allocation; pair numbers start again at 1.
    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        next = 1
    }
}
