"""A running workout, from start (or resume) to its end: Qt objects, but no widgets."""
