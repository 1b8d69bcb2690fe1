// Validation rules that refuse oversized documents before anything runs. They are plain
// ValidationRule factories, so mercurius can take them as a static array and keep caching parsed
// queries. Each measures whole operations, following fragment spreads into their fragments.
import {
  GraphQLError,
  Kind,
  visit,
  type ASTNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

/** Depth in fields: `{ documents { nodes { id } } }` is 3. Introspection fields count too. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const depthOf = measureWithFragments(context, fieldDepth)
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation)
        if (isFiniteBeyond(depth, maxDepth)) {
          context.reportError(
            new GraphQLError(
              `query depth ${formatCount(depth)} exceeds the limit of ${maxDepth}; ` +
                'request nested lists in separate queries',
              { nodes: operation, extensions: { code: 'QUERY_TOO_DEEP', depth, limit: maxDepth } },
            ),
          )
        }
        // The measure above already walked the operation; nothing below needs this rule.
        return false
      },
    }
  }
}

/** Counts every alias an operation executes, a fragment's once per spread of it. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return countLimitRule(maxAliases, {
    counts: (node) => node.kind === Kind.FIELD && node.alias !== undefined,
    message: (count) =>
      `the query uses ${formatCount(count)} aliases, more than the limit of ${maxAliases}`,
    code: 'TOO_MANY_ALIASES',
    extension: 'aliases',
  })
}

/** Counts every directive an operation carries, a fragment's once per spread of it. */
export function directiveLimitRule(maxDirectives: number): ValidationRule {
  return countLimitRule(maxDirectives, {
    counts: (node) => node.kind === Kind.DIRECTIVE,
    message: (count) =>
      `the query uses ${formatCount(count)} directives, more than the limit of ${maxDirectives}`,
    code: 'TOO_MANY_DIRECTIVES',
    extension: 'directives',
  })
}

interface CountedThing {
  counts: (node: ASTNode) => boolean
  message: (count: number) => string
  code: string
  /** The name of the count in the error's extensions. */
  extension: string
}

function countLimitRule(limit: number, thing: CountedThing): ValidationRule {
  return (context) => {
    const countOf = measureWithFragments(context, nodeCount(thing.counts))
    return {
      OperationDefinition(operation) {
        const count = countOf(operation)
        if (isFiniteBeyond(count, limit)) {
          context.reportError(
            new GraphQLError(thing.message(count), {
              nodes: operation,
              extensions: { code: thing.code, [thing.extension]: count, limit },
            }),
          )
        }
        return false
      },
    }
  }
}

type Definition = OperationDefinitionNode | FragmentDefinitionNode

/**
 * A measure of a definition taken in two steps, so that fragments are measured once each and
 * without recursion: what the definition holds itself, and where it spreads which fragment.
 */
interface Measure {
  summarize: (definition: Definition) => Summary
  /** The whole measure, from the summary and the whole measure of each fragment spread. */
  combine: (summary: Summary, spreadValues: readonly number[]) => number
}

interface Summary {
  own: number
  spreads: { fragment: string; offset: number }[]
}

// Summaries use graphql's visit, which does not recurse, so nesting as deep as a document sent as
// a JSON AST allows (mercurius accepts those, and they skip the parser's token limit) cannot
// overflow the stack.

/** Depth in fields; a spread adds its fragment's depth to the depth it stands at. */
const fieldDepth: Measure = {
  summarize(definition) {
    const spreads: Summary['spreads'] = []
    let depth = 0
    let deepest = 0
    visit(definition, {
      Field: {
        enter() {
          depth += 1
          deepest = Math.max(deepest, depth)
        },
        leave() {
          depth -= 1
        },
      },
      FragmentSpread(spread) {
        spreads.push({ fragment: spread.name.value, offset: depth })
      },
    })
    return { own: deepest, spreads }
  },
  combine: ({ own, spreads }, spreadValues) =>
    spreads.reduce((deepest, { offset }, i) => Math.max(deepest, offset + spreadValues[i]!), own),
}

/** How many nodes count; each spread adds its fragment's whole count again. */
function nodeCount(counts: (node: ASTNode) => boolean): Measure {
  return {
    summarize(definition) {
      const spreads: Summary['spreads'] = []
      let own = 0
      visit(definition, {
        enter(node) {
          if (counts(node)) own += 1
          if (node.kind === Kind.FRAGMENT_SPREAD)
            spreads.push({ fragment: node.name.value, offset: 0 })
        },
      })
      return { own, spreads }
    },
    combine: ({ own }, spreadValues) => spreadValues.reduce((sum, value) => sum + value, own),
  }
}

/**
 * Measures definitions, each fragment once however often it is spread (a fan-out of spreads costs
 * linear work), resolving chains of fragments with a stack of their own rather than recursion.
 * A fragment spread inside itself is a cycle: NoFragmentCycles reports it, perhaps in the same
 * pass, so here it only has to stop; it counts as infinitely large. An unknown fragment
 * (KnownFragmentNames reports it) counts as empty.
 */
function measureWithFragments(
  context: ValidationContext,
  measure: Measure,
): (operation: OperationDefinitionNode) => number {
  const summaries = new Map<string, Summary | undefined>()
  const values = new Map<string, number>()
  const summaryOf = (name: string): Summary | undefined => {
    if (!summaries.has(name)) {
      const fragment = context.getFragment(name)
      summaries.set(name, fragment ? measure.summarize(fragment) : undefined)
    }
    return summaries.get(name)
  }
  const resolve = (name: string): void => {
    const pending = [name]
    const inProgress = new Set<string>()
    while (pending.length > 0) {
      const current = pending[pending.length - 1]!
      if (values.has(current)) {
        pending.pop()
        continue
      }
      const summary = summaryOf(current)
      if (!summary) {
        values.set(current, 0)
        pending.pop()
      } else if (!inProgress.has(current)) {
        // First visit: measure what it spreads first, then come back to it.
        inProgress.add(current)
        for (const { fragment } of summary.spreads) {
          if (!values.has(fragment) && !inProgress.has(fragment)) pending.push(fragment)
        }
      } else {
        // Whatever it spreads is measured now, except a fragment still in progress: a cycle.
        const spreadValues = summary.spreads.map(({ fragment }) => values.get(fragment) ?? Infinity)
        values.set(current, measure.combine(summary, spreadValues))
        inProgress.delete(current)
        pending.pop()
      }
    }
  }
  return (operation) => {
    const summary = measure.summarize(operation)
    const spreadValues = summary.spreads.map(({ fragment }) => {
      resolve(fragment)
      return values.get(fragment) ?? 0
    })
    return measure.combine(summary, spreadValues)
  }
}

/**
 * Whether a measure exceeds its limit. An infinite one comes from a fragment cycle, which
 * NoFragmentCycles already reports; a second error about it would only confuse.
 */
function isFiniteBeyond(value: number, limit: number): boolean {
  return Number.isFinite(value) && value > limit
}

/** 1,010,100 rather than 1010100. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}
