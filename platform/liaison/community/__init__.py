"""Community liaison: organizations and groups, meetings, outside agencies' input, and
training-needs suggestions."""
