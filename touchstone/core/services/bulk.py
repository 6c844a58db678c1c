"""Inserting many new rows of one model quickly, for the bulk writes of an import.

`bulk_create` compiles every row of every statement into SQL, which for a large import costs
far more than the database's own work. `insert_many` asks Django's compiler for the one-row
INSERT once and sends every row's values with `executemany`: the same SQL, the same value
conversion (each field's `pre_save` and `get_db_prep_save`, so `auto_now_add`, JSON and dates
are written exactly as `bulk_create` writes them), on SQLite and PostgreSQL alike. It does not
read back the new rows' ids: use `bulk_create` where the caller needs them.
"""

from collections.abc import Iterator, Sequence
from itertools import islice

from django.db import connections, models, router, transaction
from django.db.models.sql import InsertQuery

# Rows sent in one executemany call: the statement is compiled once whatever the size, so this
# only bounds the parameters held at once.
INSERT_ROWS = 2000
# Values in one lookup, inside every database's limit on query parameters (999 in older SQLite).
LOOKUP_VALUES = 500


def insert_many(
    objs: Sequence[models.Model], *, batch_size: int = INSERT_ROWS, ids_by: str | None = None
) -> None:
    """Insert these new, unsaved instances of one model (no signals). With `ids_by`, the name
    of a unique field, each instance's id is then read back by that field's value (a few
    hundred values a query); without it, the ids are left unset."""
    if not objs:
        return
    model = type(objs[0])
    opts = model._meta
    if not isinstance(opts.pk, models.AutoField):
        raise ValueError("insert_many takes a model whose id the database assigns")
    if ids_by is not None and not opts.get_field(ids_by).unique:
        raise ValueError(f"insert_many reads ids back by a unique field, not {ids_by}")
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [
        f
        for f in opts.concrete_fields
        if not f.generated and not isinstance(f, models.AutoField)  # as bulk_create, id unset
    ]
    query = InsertQuery(model)
    query.insert_values(fields, [objs[0]])
    compiler = query.get_compiler(using=using)
    with transaction.atomic(using=using, savepoint=False), connection.cursor() as cursor:
        for obj in objs:
            if obj.pk is not None or type(obj) is not model:
                raise ValueError("insert_many takes new instances of one model")
            obj._prepare_related_fields_for_save(operation_name="insert_many")
        sql = _one_row_sql(compiler, fields)
        for chunk in _chunks(objs, batch_size):
            cursor.executemany(sql, [_values(compiler, fields, obj) for obj in chunk])
        for obj in objs:
            obj._state.adding = False
            obj._state.db = using
    if ids_by is not None:
        _read_ids(model, objs, ids_by, using)


def _read_ids(model, objs, field_name: str, using: str) -> None:
    field = model._meta.get_field(field_name)
    for chunk in _chunks(objs, LOOKUP_VALUES):
        ids = dict(
            model._base_manager.using(using)
            .filter(**{f"{field.attname}__in": [getattr(o, field.attname) for o in chunk]})
            .values_list(field.attname, "pk")
        )
        for obj in chunk:
            obj.pk = ids[getattr(obj, field.attname)]


def _chunks(items: Sequence, size: int) -> Iterator[list]:
    """The items a few at a time (not core.imports.batched: importing the import framework
    here would load the spreadsheet library into every process that writes anything)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _values(compiler, fields, obj) -> list:
    """A row's parameters, as bulk_create prepares them (pre_save, then get_db_prep_save)."""
    values = []
    for field in fields:
        value = compiler.pre_save_val(field, obj)
        if hasattr(value, "resolve_expression"):  # an expression or a database default
            raise ValueError(f"insert_many cannot insert an expression into {field}")
        values.append(field.get_db_prep_save(value, connection=compiler.connection))
    return values


def _one_row_sql(compiler, fields) -> str:
    """The INSERT of one row: every value a plain placeholder, or refused."""
    for field in fields:
        if getattr(field, "get_placeholder", None) is not None:
            raise ValueError(f"insert_many cannot insert {field}: it has its own placeholder")
    table = compiler.quote_name_unless_alias(compiler.query.get_meta().db_table)
    columns = ", ".join(compiler.quote_name_unless_alias(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # The model's own table and column names, quoted by the backend; the values are parameters.
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
