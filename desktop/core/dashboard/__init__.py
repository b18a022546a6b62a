"""What Tổng quan shows: the year's indicators at a glance, the reminders of dates that are
near, and the whole change history in words people read."""
