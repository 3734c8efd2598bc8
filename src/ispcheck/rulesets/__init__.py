"""The built-in rule sets, one module per part of the protocol; each is an ordinary plugin."""
