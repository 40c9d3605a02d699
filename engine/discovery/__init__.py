"""Discovery: turning raw mentions into stored, threaded, tagged and triaged conversations."""
