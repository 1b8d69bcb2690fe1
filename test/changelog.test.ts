// The version a user sees (package.json, /openapi.json's info.version) has its entry in the
// CHANGELOG, and the CHANGELOG's versions run newest first, each with its date.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { projectRoot } from '../src/paths.js'
import { buildTestApp } from './helper.js'

const changelog = readFileSync(join(projectRoot, 'CHANGELOG.md'), 'utf8')
const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string
}

const released = [...changelog.matchAll(/^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$/gm)]

t.test('package.json’s version is released in the CHANGELOG', async (t) => {
  t.ok(
    released.some((m) => `${m[1]}.${m[2]}.${m[3]}` === version),
    `## [${version}] - DATE is a heading of CHANGELOG.md`,
  )
})

t.test('every version heading is a semantic version with a date, newest first', async (t) => {
  const headings = [...changelog.matchAll(/^## (.*)$/gm)].map((m) => m[1]!)
  t.equal(headings[0], '[Unreleased]', 'what is not released yet comes first')
  t.equal(headings.length, released.length + 1, `no other heading: ${headings.join(' | ')}`)
  const numbers = released.map((m) => [Number(m[1]), Number(m[2]), Number(m[3])])
  const dates = released.map((m) => m[4]!)
  const newer = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!
  for (let i = 1; i < numbers.length; i++) {
    t.ok(newer(numbers[i - 1]!, numbers[i]!) > 0, `${numbers[i - 1]} after ${numbers[i]}`)
    t.ok(dates[i - 1]! >= dates[i]!, `${dates[i - 1]} not before ${dates[i]}`)
  }
})

t.test('/openapi.json says the same version', async (t) => {
  const app = await buildTestApp(t, { files: [] })
  t.equal((await app.inject('/openapi.json')).json().info.version, version)
})
