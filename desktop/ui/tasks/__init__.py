"""Nhiệm vụ: progress on the plan's tasks."""
