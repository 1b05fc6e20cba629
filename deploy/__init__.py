"""Running the dashboard as several replicas behind nginx: ``python -m deploy.cluster`` (see cluster.py)."""
