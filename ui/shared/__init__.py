"""What several screen features use and none owns: background jobs, the helper's PIN gate."""
