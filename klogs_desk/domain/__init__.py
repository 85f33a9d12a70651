"""Business rules: money, cards, schedules, the journal. No Qt, no HTTP."""
