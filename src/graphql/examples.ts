// The queries GraphiQL opens with, one tab each. They show what the data can do on any plan that
// is loaded: no value of a particular plan is written here. Where a query needs a value it takes
// a variable with a default, or discovers the value first (the first document, the first
// agencies).

export interface ExampleQuery {
  /** What the example shows; its operation name becomes the tab's title. */
  title: string
  query: string
  /** The variables editor's JSON, when the example is meant to be tried with other values. */
  variables?: string
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    title: 'Agencies and their tasks',
    query: `# Agencies, how many tasks each has, and its first tasks
# with the action items they restate.
# 各责任单位、所负责的任务数，以及前几项任务及其对应的行动条目。
query AgenciesAndTheirTasks {
  agencies(first: 5) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      kind
      phone
      taskCount
      tasks(first: 3) {
        totalCount
        nodes {
          number
          text
          items {
            label
            heading
          }
        }
      }
    }
  }
}
`,
  },
  {
    title: 'Targets due by a year',
    query: `# Quantitative targets due by a year, the section that
# states each, and the agencies responsible for them.
# 某一年前要完成的量化目标、所在章节和责任单位。
query TargetsDueBy($year: Int = 2025) {
  targets(filter: { year: $year }, first: 20) {
    totalCount
    nodes {
      indicator
      comparator
      value
      valueMax
      unit
      basis
      deadlineYear
      quote
      source {
        line
      }
      section {
        label
        heading
      }
      tasks(first: 5) {
        nodes {
          number
          agencies {
            name
          }
        }
      }
    }
  }
}
`,
    variables: `{ "year": 2025 }`,
  },
  {
    title: 'A document, its parts and counts',
    query: `# The first document: its header, its parts and their
# chapters, and how many records of each kind it holds.
# 第一份文件：文头信息、各部分及其下各章，以及各类记录的数量。
query DocumentOutline {
  documents(first: 1) {
    totalCount
    nodes {
      id
      number
      title
      planTitle
      issuer
      issuedOn
      recipients
      parts: sections(filter: { kind: part }, first: 20) {
        totalCount
        nodes {
          label
          heading
          children(first: 20) {
            totalCount
            nodes {
              label
              heading
            }
          }
        }
      }
      items: sections(filter: { kind: item }) {
        totalCount
      }
      tasks {
        totalCount
      }
      agencies {
        totalCount
      }
      targets {
        totalCount
      }
      findings {
        totalCount
      }
    }
  }
}
`,
  },
  {
    title: 'Full-text search',
    query: `# Full-text search: sections, tasks, targets, agencies and
# documents that contain every word (separate words with spaces),
# best first, each with the record it found.
# 全文检索：包含每个词（以空格分隔）的章节、任务、目标、部门和文件，按相关度排序。
query Search($q: String! = "发展") {
  search(q: $q, first: 10) {
    totalCount
    nodes {
      type
      title
      snippet
      node {
        id
        ... on Section {
          kind
          label
          heading
        }
        ... on Task {
          number
          agencies {
            name
          }
        }
        ... on Target {
          indicator
          value
          unit
          deadlineYear
        }
        ... on Agency {
          name
          aliases
        }
        ... on Document {
          title
          planTitle
        }
      }
    }
  }
}
`,
    variables: `{ "q": "发展" }`,
  },
  {
    title: 'Data-quality findings',
    query: `# Data-quality findings and the lines they concern;
# pass endCursor as "after" for the next page.
# 数据质量问题及其所在行；把 endCursor 作为 after 传入可翻到下一页。
query Findings($after: String) {
  findings(first: 10, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      severity
      code
      message
      source {
        line
        lines
      }
      document {
        number
      }
    }
  }
}
`,
  },
]
