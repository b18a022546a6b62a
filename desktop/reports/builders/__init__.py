"""The reports themselves; importing this package registers each of them."""
