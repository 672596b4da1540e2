"""Per-user data: folders, the circuit library."""
