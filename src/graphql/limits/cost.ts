// How many objects a query can return, estimated from the document before anything runs, in the
// manner of GitHub's node limit. Variables decide page sizes, so this runs where they are known
// (mercurius' preExecution hook), not as a validation rule.
import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'
import { formatCount } from './rules.js'

/** The most a connection returns per page; the schema's `first` says "at most 100". */
export const MAX_PAGE_SIZE = 100
/**
 * The length assumed for a list that has no `first`, such as Task.agencies (a handful per task) or
 * introspection's types (about fifty here). A typical size, not a bound: such lists grow with the
 * data or the schema, which a client cannot inflate, so only the nesting of them needs pricing.
 */
export const ASSUMED_LIST_LENGTH = 10

export type Variables = Readonly<Record<string, unknown>> | null | undefined

/**
 * The most objects the operation can return. Each object-typed field counts 1 per object plus its
 * selection; a field with a `first` argument is a connection, whose nodes and edges lists hold
 * `first` items (the literal, the variable, else the argument's default; anything unusable counts
 * as MAX_PAGE_SIZE) while the connection object itself counts nothing, as in GitHub's count; other
 * lists of objects hold ASSUMED_LIST_LENGTH. Scalars count nothing.
 *
 * Fields are merged by response key as execution merges them, so an alias costs its own work and a
 * field selected twice under one name costs once. On an interface or union the costliest possible
 * type counts. Without a matching operationName the costliest operation counts: execution refuses
 * an ambiguous document anyway, and the estimate must never be lower than the truth.
 *
 * It expects a document that passed validation, the depth limit included: it recurses once per
 * level of nesting. Chains and fan-outs of fragments cost linear work; a cycle counts as Infinity.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Variables,
  operationName?: string | null,
): number {
  return costliestOperation(schema, document, variables, operationName)?.cost ?? 0
}

/**
 * The refusal for a query whose cost exceeds the limit, or undefined when it is within it. Throw
 * withHttpStatus(error) from mercurius' preExecution hook to answer 400.
 */
export function costError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
  operationName: string | null | undefined,
  limit: number,
): GraphQLError | undefined {
  const costliest = costliestOperation(schema, document, variables, operationName)
  // Compared so that NaN (first: 0 over a fragment cycle is 0 × Infinity) is refused too.
  if (!costliest || costliest.cost <= limit) return undefined
  const { operation, cost } = costliest
  const upTo = Number.isFinite(cost) ? `up to ${formatCount(cost)}` : 'unboundedly many'
  return new GraphQLError(
    `this query could return ${upTo} objects, more than the limit of ${formatCount(limit)}; ` +
      'ask for fewer (first) or fewer nested lists',
    {
      nodes: operation,
      extensions: { code: 'QUERY_TOO_COSTLY', cost: Number.isFinite(cost) ? cost : null, limit },
    },
  )
}

/** Throws costError's refusal, ready for mercurius to answer with HTTP 400. */
export function assertQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
  operationName: string | null | undefined,
  limit: number,
): void {
  const error = costError(schema, document, variables, operationName, limit)
  if (error) throw withHttpStatus(error, 400)
}

/**
 * The same error, carrying an HTTP status for mercurius. Its default errorFormatter answers a
 * single error without data with `originalError.statusCode` (else 200, as GraphQL over HTTP says);
 * message, locations and extensions reach the client unchanged.
 */
export function withHttpStatus(error: GraphQLError, statusCode: number): GraphQLError {
  const carrier = Object.assign(new Error(error.message), { statusCode })
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: carrier,
    extensions: error.extensions,
  })
}

function costliestOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
  operationName: string | null | undefined,
): { operation: OperationDefinitionNode; cost: number } | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )
  const named = operationName
    ? operations.find((operation) => operation.name?.value === operationName)
    : undefined
  let costliest: { operation: OperationDefinitionNode; cost: number } | undefined
  for (const operation of named ? [named] : operations) {
    const cost = operationCost(schema, document, operation, variables ?? {})
    if (!costliest || !(cost <= costliest.cost)) costliest = { operation, cost }
  }
  return costliest
}

interface CostWalk {
  schema: GraphQLSchema
  fragments: ReadonlyMap<string, FragmentDefinitionNode>
  variables: Readonly<Record<string, unknown>>
  variableDefaults: ReadonlyMap<string, ValueNode>
  /** Cost of a merged selection on a type, keyed by selection sets, type and page size. */
  memo: Map<string, number>
  inProgress: Set<string>
  selectionSetIds: Map<SelectionSetNode, number>
}

function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): number {
  const rootType = schema.getRootType(operation.operation)
  if (!rootType) return 0
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition)
    }
  }
  const variableDefaults = new Map<string, ValueNode>()
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      variableDefaults.set(definition.variable.name.value, definition.defaultValue)
    }
  }
  const walk: CostWalk = {
    schema,
    fragments,
    variables,
    variableDefaults,
    memo: new Map(),
    inProgress: new Set(),
    selectionSetIds: new Map(),
  }
  return selectionCost(walk, [operation.selectionSet], rootType, undefined)
}

/**
 * The cost of the selection sets merged under one response key (or the operation's own), on
 * objects of the given type. pageSize is set when the type is a connection's: its lists hold that
 * many items.
 */
function selectionCost(
  walk: CostWalk,
  selectionSets: readonly SelectionSetNode[],
  type: GraphQLCompositeType,
  pageSize: number | undefined,
): number {
  if (isAbstractType(type)) {
    const costs = walk.schema
      .getPossibleTypes(type)
      .map((possible) => selectionCost(walk, selectionSets, possible, pageSize))
    return Math.max(0, ...costs)
  }
  // A fragment reached through many paths is the same selection set node each time, so the memo
  // keeps a fan-out of spreads linear; meeting a key again before it is done is a fragment cycle.
  const key = `${selectionSets.map((set) => selectionSetId(walk, set)).join(',')}|${type.name}|${pageSize}`
  const known = walk.memo.get(key)
  if (known !== undefined) return known
  if (walk.inProgress.has(key)) return Infinity
  walk.inProgress.add(key)
  let cost = 0
  for (const fields of collectFields(walk, selectionSets, type).values()) {
    cost += fieldCost(walk, type, fields, pageSize)
  }
  walk.inProgress.delete(key)
  walk.memo.set(key, cost)
  return cost
}

function fieldCost(
  walk: CostWalk,
  parentType: GraphQLObjectType,
  fields: readonly FieldNode[],
  pageSize: number | undefined,
): number {
  const [field] = fields
  const definition = field && fieldDefinition(walk.schema, parentType, field.name.value)
  if (!field || !definition) return 0
  const itemType = getNamedType(definition.type)
  if (!isCompositeType(itemType)) return 0
  const selectionSets = fields.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []))
  const isList = isListType(getNullableType(definition.type))
  const first = definition.args.find((argument) => argument.name === 'first')
  if (first) {
    const size = requestedPageSize(walk, field, first)
    return isList
      ? size * (1 + selectionCost(walk, selectionSets, itemType, undefined))
      : selectionCost(walk, selectionSets, itemType, size)
  }
  const length = isList ? (pageSize ?? ASSUMED_LIST_LENGTH) : 1
  return length * (1 + selectionCost(walk, selectionSets, itemType, undefined))
}

/** What `first` will be when the field runs. */
function requestedPageSize(walk: CostWalk, field: FieldNode, first: GraphQLArgument): number {
  const argument = field.arguments?.find((node) => node.name.value === first.name)
  let value: unknown = first.defaultValue
  if (argument && argument.value.kind === Kind.VARIABLE) {
    const name = argument.value.name.value
    const variableDefault = walk.variableDefaults.get(name)
    if (Object.hasOwn(walk.variables, name)) value = walk.variables[name]
    else if (variableDefault) value = valueFromASTUntyped(variableDefault)
  } else if (argument) {
    value = valueFromASTUntyped(argument.value)
  }
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? Math.min(value, MAX_PAGE_SIZE)
    : MAX_PAGE_SIZE
}

/**
 * Groups the fields the selection sets select on an object type by response key, through inline
 * fragments and spreads whose type condition matches, as execution's CollectFields does: a
 * fragment is taken once however often it is spread here.
 */
function collectFields(
  walk: CostWalk,
  selectionSets: readonly SelectionSetNode[],
  type: GraphQLObjectType,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>()
  const spreadFragments = new Set<string>()
  const pending = [...selectionSets]
  for (let selectionSet = pending.shift(); selectionSet; selectionSet = pending.shift()) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const responseKey = (selection.alias ?? selection.name).value
        const sameKey = fields.get(responseKey)
        if (sameKey) sameKey.push(selection)
        else fields.set(responseKey, [selection])
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value
        if (appliesTo(walk.schema, condition, type)) pending.push(selection.selectionSet)
      } else {
        const name = selection.name.value
        const fragment = walk.fragments.get(name)
        if (spreadFragments.has(name) || !fragment) continue
        spreadFragments.add(name)
        if (appliesTo(walk.schema, fragment.typeCondition.name.value, type)) {
          pending.push(fragment.selectionSet)
        }
      }
    }
  }
  return fields
}

function appliesTo(
  schema: GraphQLSchema,
  typeCondition: string | undefined,
  type: GraphQLObjectType,
): boolean {
  if (typeCondition === undefined || typeCondition === type.name) return true
  const conditionType = schema.getType(typeCondition)
  return isAbstractType(conditionType) && schema.isSubType(conditionType, type)
}

function fieldDefinition(
  schema: GraphQLSchema,
  parentType: GraphQLObjectType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef
  }
  return parentType.getFields()[name]
}

function selectionSetId(walk: CostWalk, selectionSet: SelectionSetNode): number {
  let id = walk.selectionSetIds.get(selectionSet)
  if (id === undefined) {
    id = walk.selectionSetIds.size
    walk.selectionSetIds.set(selectionSet, id)
  }
  return id
}
