"""Archcite's YAML record files and CSL-YAML (pandoc's ``references:`` form accepted too)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any, ClassVar

from archcite.errors import InputError
from archcite.records.extra import unfold_note
from archcite.records.formats.csljson import items_for_csl
from archcite.records.mapping import read_list_dates
from archcite.records.model import Origin, Record
from archcite.records.registry import Dumped, Format, Parsed

# PyYAML is imported when YAML is read or written, not when the format registry lists this module:
# a CSL-JSON run (and `archcite --help`) never pays for it.


# Bounds on untrusted YAML: an alias bomb (a few hundred bytes naming a list of lists nine times
# over) expands to billions of nodes, and deep nesting exhausts the stack.
MAX_DEPTH = 64
# Nodes that aliases may add beyond the document's own: far more than any record file repeats.
MAX_ALIAS_NODES = 100_000


@cache
def _loader_class() -> Any:
    import yaml

    class BoundedLoader(yaml.SafeLoader):
        """Safe loading with nesting and alias expansion bounded, and dates left as text (the
        schema reads them, with the record's file, line and id in any error)."""

        # A copy, so that SafeLoader itself is left as it is.
        yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {  # type: ignore[misc]
            first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.depth = 0
            self.alias_nodes = 0
            self.expanded: dict[str, int] = {}  # anchor -> nodes its value expands to
            self.open_anchors: set[str] = set()

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent):
                if event.anchor in self.open_anchors:
                    raise LimitError(f"the alias *{event.anchor} refers to its own anchor", event.start_mark)
                self.alias_nodes += self.expanded.get(str(event.anchor), 1)
                if self.alias_nodes > MAX_ALIAS_NODES:
                    raise LimitError(f"aliases expand to more than {MAX_ALIAS_NODES:,} values", event.start_mark)
                return super().compose_node(parent, index)
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise LimitError(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                self.open_anchors.add(anchor)
            before = self.alias_nodes + self.nodes
            try:
                node = super().compose_node(parent, index)
            finally:
                self.depth -= 1
                self.open_anchors.discard(anchor)
            self.nodes += 1
            if anchor is not None:
                self.expanded[anchor] = self.alias_nodes + self.nodes - before
            return node

        nodes = 0

    class LimitError(yaml.MarkedYAMLError):
        def __init__(self, problem: str, mark: Any) -> None:
            super().__init__(problem=problem, problem_mark=mark)

    return BoundedLoader


def load(text: str, source: str) -> Parsed:
    import yaml

    # Safe loading (no Python objects), node by node so that every record keeps its position.
    loader = None
    try:
        loader = _loader_class()(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(
            f"invalid YAML: {error.problem or error.context}",
            hint="check the indentation and quoting near that line (quote values containing ': ')",
            where=f"{source}:{mark.line + 1}" if mark else source,
        ) from None
    except yaml.reader.ReaderError as error:
        raise InputError(
            f"invalid YAML: the control character U+{_code(error.character):04X} is not allowed",
            hint="remove it, or write it as an escape in a double-quoted string",
            where=f"{source}:{text.count(chr(10), 0, error.position) + 1}",
        ) from None
    except yaml.YAMLError as error:
        raise InputError(f"invalid YAML: {error}", where=source) from None
    finally:
        if loader is not None:
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


def _code(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)


def _value_node(node: Any, key: str) -> Any:
    # The last of repeated keys, as PyYAML's mapping keeps the last value.
    return [value for k, value in node.value if k.value == key][-1]


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
