"""The Qt interface. Widgets call ``desktop.core`` services; they never build queries."""
