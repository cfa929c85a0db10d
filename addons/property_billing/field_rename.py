# Copyright 2026 Property CS Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rename fields in a pre-migration script, keeping every link to them.

Used by the ``migrations/*/pre-migration.py`` scripts of the product's addons
(pure SQL: it runs before the new code of the addon is loaded). For each
``(model, old, new)`` it renames:

- the column, and the indexes and constraints whose name contains the old
  column name (``account_move__property_unit_id_index``, unique indexes
  created in ``init()``): Odoo looks indexes up by name and would otherwise
  build them a second time under the new name;
- the ``ir_model_fields`` row of the model and of the models that inherit it
  through ``_inherits`` (``res.users`` for ``res.partner``), so that tracking
  values, defaults and selection values stay linked to the field, and the
  ``relation_field`` of the one2many fields whose inverse it is;
- the ``ir_model_data`` names of the field and of its selection values;
- the field name in stored filters, window actions, record rules, views and
  export lists: everywhere when no other field has the old name, otherwise
  only on records of that model (``rename_methods`` does the same for the
  buttons of a model's views).

Fields are renamed like OpenUpgrade's ``rename_fields`` does, without
making ``openupgradelib`` a dependency of the product.
"""

import logging

from psycopg2 import sql

_logger = logging.getLogger(__name__)

# A field name as a whole word, also behind ``default_`` in contexts.
_WORD = r"(?<![[:alnum:]_])(default_)?{}(?![[:alnum:]_])"


def _table(model):
    return model.replace(".", "_")


def _exists(cr, query, params):
    cr.execute(query, params)
    return bool(cr.fetchone())


def _children(cr, model):
    """Models that inherit ``model`` through ``_inherits``, recursively."""
    cr.execute(
        """
        SELECT child.model
          FROM ir_model_inherit i
          JOIN ir_model child ON child.id = i.model_id
          JOIN ir_model parent ON parent.id = i.parent_id
         WHERE parent.model = %s
        """,
        [model],
    )
    result = []
    for (child,) in cr.fetchall():
        result += [child, *_children(cr, child)]
    return result


def _rename_column(cr, table, old, new):
    if not _exists(
        cr, "SELECT 1 FROM pg_class WHERE relname = %s AND relkind = 'r'", [table]
    ):
        return
    has_old = _exists(
        cr,
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = %s AND column_name = %s",
        [table, old],
    )
    has_new = _exists(
        cr,
        "SELECT 1 FROM information_schema.columns"
        " WHERE table_name = %s AND column_name = %s",
        [table, new],
    )
    if has_old and not has_new:
        cr.execute(
            sql.SQL("ALTER TABLE {} RENAME COLUMN {} TO {}").format(
                sql.Identifier(table), sql.Identifier(old), sql.Identifier(new)
            )
        )
    cr.execute(
        """
        SELECT idx.relname
          FROM pg_index i
          JOIN pg_class idx ON idx.oid = i.indexrelid
          JOIN pg_class tbl ON tbl.oid = i.indrelid
         WHERE tbl.relname = %s AND strpos(idx.relname, %s) > 0
        """,
        [table, old],
    )
    for (index,) in cr.fetchall():
        rename_index(cr, index, index.replace(old, new))
    cr.execute(
        """
        SELECT c.conname
          FROM pg_constraint c
          JOIN pg_class tbl ON tbl.oid = c.conrelid
         WHERE tbl.relname = %s AND strpos(c.conname, %s) > 0
        """,
        [table, old],
    )
    for (constraint,) in cr.fetchall():
        cr.execute(
            sql.SQL("ALTER TABLE {} RENAME CONSTRAINT {} TO {}").format(
                sql.Identifier(table),
                sql.Identifier(constraint),
                sql.Identifier(constraint.replace(old, new)),
            )
        )


def rename_index(cr, old, new):
    """Rename an index (a unique index created in ``init()``), unless an
    index of the new name exists already."""
    if not _exists(cr, "SELECT 1 FROM pg_class WHERE relname = %s", [new]):
        cr.execute(
            sql.SQL("ALTER INDEX IF EXISTS {} RENAME TO {}").format(
                sql.Identifier(old), sql.Identifier(new)
            )
        )


def _replace_in(cr, table, column, pattern, new, where=None, params=()):
    """Replace the field name in a text (or jsonb: ``arch_db``) column of
    ``table``, optionally only in the rows ``where`` selects."""
    cr.execute(
        "SELECT data_type FROM information_schema.columns"
        " WHERE table_name = %s AND column_name = %s",
        [table, column],
    )
    jsonb = cr.fetchone()[0] == "jsonb"
    value = sql.SQL("{}::text" if jsonb else "{}").format(sql.Identifier(column))
    query = sql.SQL(
        "UPDATE {table} SET {column} = regexp_replace({value}, %s, %s, 'g'){cast}"
        " WHERE {value} ~ %s{where}"
    ).format(
        table=sql.Identifier(table),
        column=sql.Identifier(column),
        value=value,
        cast=sql.SQL("::jsonb" if jsonb else ""),
        where=sql.SQL(" AND ") + sql.SQL(where) if where else sql.SQL(""),
    )
    cr.execute(query, [pattern, rf"\1{new}", pattern, *params])


def _rename_references(cr, models, old, new, everywhere):
    """The field name in stored domains, contexts, sort orders, record rules
    and export lists."""
    pattern = _WORD.format(old)
    scope = {
        ("ir_filters", "domain"): "model_id = ANY(%s)",
        ("ir_filters", "context"): "model_id = ANY(%s)",
        ("ir_filters", "sort"): "model_id = ANY(%s)",
        ("ir_act_window", "domain"): "res_model = ANY(%s)",
        ("ir_act_window", "context"): "res_model = ANY(%s)",
        ("ir_rule", "domain_force"): (
            "model_id IN (SELECT id FROM ir_model WHERE model = ANY(%s))"
        ),
        # Views still in the database until the module's own are reloaded:
        # one reloaded first is checked together with the others.
        ("ir_ui_view", "arch_db"): "model = ANY(%s)",
    }
    for (table, column), where in scope.items():
        if everywhere:
            _replace_in(cr, table, column, pattern, new)
        else:
            _replace_in(cr, table, column, pattern, new, where, [models])
    # Export lists store paths: "property_unit_id/code".
    cr.execute(
        """
        UPDATE ir_exports_line line
           SET name = array_to_string(
                   array(SELECT CASE WHEN part = %(old)s THEN %(new)s ELSE part END
                           FROM unnest(string_to_array(line.name, '/'))
                                WITH ORDINALITY AS p(part, n)
                          ORDER BY n),
                   '/')
          FROM ir_exports export
         WHERE export.id = line.export_id
           AND %(old)s = ANY(string_to_array(line.name, '/'))
           AND (%(everywhere)s OR export.resource = ANY(%(models)s))
        """,
        {"old": old, "new": new, "everywhere": everywhere, "models": models},
    )


def rename_methods(cr, model, renames):
    """Rename the buttons of ``renames`` (``(old, new)`` method names) in the
    stored views of ``model``."""
    for old, new in renames:
        _replace_in(
            cr, "ir_ui_view", "arch_db", _WORD.format(old), new, "model = %s", [model]
        )


def rename_fields(cr, renames):
    """Rename the fields ``renames``: a list of ``(model, old, new)``."""
    plan = []
    for model, old, new in renames:
        models = [model, *_children(cr, model)]
        _rename_column(cr, _table(model), old, new)
        cr.execute(
            "UPDATE ir_model_fields SET name = %s WHERE model = ANY(%s) AND name = %s",
            [new, models, old],
        )
        cr.execute(
            "UPDATE ir_model_fields SET relation_field = %s"
            " WHERE relation = ANY(%s) AND relation_field = %s",
            [new, models, old],
        )
        for name in models:
            prefix = f"{_table(name)}__"
            cr.execute(
                "UPDATE ir_model_data SET name = %s"
                " WHERE model = 'ir.model.fields' AND name = %s",
                [f"field_{prefix}{new}", f"field_{prefix}{old}"],
            )
            old_selection = f"selection__{prefix}{old}__"
            cr.execute(
                """
                UPDATE ir_model_data
                   SET name = %s || substr(name, %s)
                 WHERE model = 'ir.model.fields.selection'
                   AND left(name, %s) = %s
                """,
                [
                    f"selection__{prefix}{new}__",
                    len(old_selection) + 1,
                    len(old_selection),
                    old_selection,
                ],
            )
        plan.append((models, old, new))
    renamed = {old for _models, old, _new in plan}
    for models, old, new in plan:
        # After the renames above, another field of that name is one that
        # keeps it (``property.unit.property_prepayment_balance``): then
        # only records of the renamed field's model are rewritten.
        everywhere = not _exists(
            cr, "SELECT 1 FROM ir_model_fields WHERE name = %s", [old]
        )
        _rename_references(cr, models, old, new, everywhere)
        _logger.info("Renamed field %s.%s to %s", models[0], old, new)
    return renamed
