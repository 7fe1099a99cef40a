/// Something that draws itself into a rectangle of a cell buffer. Widgets are values built for one
/// frame from app state; they never keep state between frames or do I/O.
public protocol Widget {
    func render(in area: Rect, into buffer: inout CellBuffer)
}
