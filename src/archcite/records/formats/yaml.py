"""Archcite's YAML record files and CSL-YAML (pandoc's ``references:`` form accepted too)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from archcite.errors import InputError
from archcite.records.extra import unfold_note
from archcite.records.formats.csljson import items_for_csl
from archcite.records.mapping import read_list_dates
from archcite.records.model import Origin, Record
from archcite.records.registry import Dumped, Format, Parsed

# PyYAML is imported when YAML is read or written, not when the format registry lists this module:
# a CSL-JSON run (and `archcite --help`) never pays for it.


def load(text: str, source: str) -> Parsed:
    import yaml

    # Safe loading (no Python objects), node by node so that every record keeps its position.
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(
            f"invalid YAML: {error.problem or error.context}",
            hint="check the indentation and quoting near that line (quote values containing ': ')",
            where=f"{source}:{mark.line + 1}" if mark else source,
        ) from None
    except yaml.YAMLError as error:
        raise InputError(f"invalid YAML: {error}", where=source) from None
    finally:
        loader.dispose()
    if data is None or node is None:
        return Parsed()
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        data, node = data["references"], _value_node(node, "references")
    if isinstance(data, dict):
        return Parsed([(unfold_note(read_list_dates(data)), Origin(source, line=node.start_mark.line + 1, index=0))])
    if not isinstance(data, list):
        raise InputError("a record file holds one record, a list of records, or 'references:'", where=source)
    return Parsed(
        [
            (
                unfold_note(read_list_dates(item)) if isinstance(item, dict) else item,
                Origin(source, line=n.start_mark.line + 1, index=i),
            )
            for i, (item, n) in enumerate(zip(data, node.value, strict=True))
        ]
    )


def _value_node(node: Any, key: str) -> Any:
    return next(value for k, value in node.value if k.value == key)


_LEADING_COMMENTS = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\r?\n)*")


def sniff(text: str) -> bool:
    # A record file may open with comments (the bundled example does): they are skipped.
    head = text.lstrip("\ufeff")
    head = _LEADING_COMMENTS.sub("", head, count=1).lstrip(" \t")
    return head.startswith(("---", "- id:", "- type:", "id:", "type:", "references:"))


@cache
def _dumper() -> Any:
    import yaml

    class Dumper(yaml.SafeDumper):
        """Block style for records and names, flow style for short lists such as date-parts."""

        def represent_list(self, data: Any) -> yaml.SequenceNode:
            flow = all(isinstance(item, int | float) or (isinstance(item, list) and len(item) <= 3) for item in data)
            return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)

    Dumper.add_representer(list, Dumper.represent_list)
    return Dumper


def _dump_yaml(items: list[dict[str, Any]]) -> str:
    import yaml

    return yaml.dump(
        items, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False
    )


def dump_records(records: Sequence[Record]) -> Dumped:
    return Dumped(_dump_yaml([record.fields for record in records]))


def dump_csl(records: Sequence[Record]) -> Dumped:
    return Dumped(_dump_yaml(items_for_csl(records)))


FORMATS = [
    Format(
        name="yaml",
        description="archcite record files: CSL-YAML plus archival fields (see docs/records.md)",
        suffixes=(".yaml", ".yml"),
        aliases=("yml", "archcite"),
        sniff=sniff,
        load=load,
        dump=dump_records,
    ),
    Format(
        name="cslyaml",
        description="CSL-YAML (pandoc); archival fields kept as 'name: value' lines of note",
        aliases=("csl-yaml",),
        load=load,
        dump=dump_csl,
    ),
]
