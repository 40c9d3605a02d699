"""The agents' and supervisors' inbox: views with counts, the live stream of case changes, notifications."""
