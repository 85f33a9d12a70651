"""What the tabs ask for: payment flows that journal before sending, lookups, subscriptions. No widgets."""
