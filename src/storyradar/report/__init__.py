"""Reports: the self-contained HTML incident report, its charts, JSON and CSV tables."""

from .build import build_report, coverage_section, domain_sections
from .charts import outlets_chart, timeline_chart, to_svg
from .section import ReportSection

__all__ = ["ReportSection", "build_report", "coverage_section", "domain_sections", "outlets_chart",
           "timeline_chart", "to_svg"]
