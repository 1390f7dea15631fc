"""Learn and feel better: topic tiles, article lists, the page-by-page reader and search."""
