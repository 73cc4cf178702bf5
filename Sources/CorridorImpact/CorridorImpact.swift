// The CorridorImpact module; its content arrives with the issue that builds it.
