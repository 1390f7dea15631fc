"""The library: articles and guided exercises, their files, search, suggestions, favourites."""
