"""Qt widgets only: the window, the picker, the preview, the run view, the finish screen."""
