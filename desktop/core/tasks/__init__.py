"""Progress on the plan's tasks: which tasks apply to an office, the progress records per
task and period with the documents issued, the office's own sub-tasks, and the completion
figures of a period."""
