"""Register API views by audience: `public` (no sign-in) and `staff` (the regulator's officers)."""
