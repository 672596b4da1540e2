"""Pure workout logic: circuits, timelines, the engine. No Qt, no I/O beyond reading circuit files."""
