"""Writers: one module per output format, each taking a :class:`aligner.model.Report`."""
