"""Platform glue: keeping the screen awake."""
