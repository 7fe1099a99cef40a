/// An image a graphics protocol draws over a rectangle of cells after the frame is shown (the cells
/// under it are blank in the buffer).
public struct ImagePlacement: Sendable, Equatable {
    public var area: Rect
    /// Stable for the same image and place, so an unchanged frame sends nothing again.
    public var id: UInt32
    /// The bytes to write with the cursor at the area's top-left (a kitty or sixel sequence).
    public var sequence: [UInt8]

    public init(area: Rect, id: UInt32, sequence: [UInt8]) {
        self.area = area
        self.id = id
        self.sequence = sequence
    }
}
