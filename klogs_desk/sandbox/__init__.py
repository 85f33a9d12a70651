"""The sandbox gateway: a real HTTP server implementing the Klogs APIs for training mode and tests.

It never talks to a real gateway and never stores a full card number: its ledger keeps masked PANs only.
"""
