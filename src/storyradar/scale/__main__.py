"""``python -m storyradar.scale``: run the Spark ingest job (see storyradar.scale.submit)."""

import sys

from .submit import main

sys.exit(main())
