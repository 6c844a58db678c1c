"""Plans API views by audience: `staff` (signed-in members of the plan's organisation)."""
