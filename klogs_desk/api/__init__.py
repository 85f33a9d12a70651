"""The Klogs client: wire models, errors and the async HTTP client. No Qt imports here."""
