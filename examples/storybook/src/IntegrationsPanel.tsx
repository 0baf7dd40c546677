import { useEffect, useState } from 'react'

interface Integration {
  slug: string
  title: string
}

type State = { status: 'loading' } | { status: 'ok'; integrations: Integration[] } | { status: 'error'; message: string }

/** Lists a project's active integrations, as GitLab's Services API returns them. */
export function IntegrationsPanel({ project, token }: { project: string; token: string }) {
  const [state, setState] = useState<State>({ status: 'loading' })
  useEffect(() => {
    let live = true
    fetch(`/api/v4/projects/${encodeURIComponent(project)}/services`, { headers: { 'PRIVATE-TOKEN': token } })
      .then(async (response) => {
        const body = await response.json()
        if (!live) return
        setState(response.ok ? { status: 'ok', integrations: body } : { status: 'error', message: `${response.status}: ${body.message ?? body.error}` })
      })
      .catch((error: unknown) => live && setState({ status: 'error', message: String(error) }))
    return () => {
      live = false
    }
  }, [project, token])

  if (state.status === 'loading') return <p>Loading…</p>
  if (state.status === 'error') return <p role="alert">GitLab error {state.message}</p>
  if (state.integrations.length === 0) return <p>No active integrations.</p>
  return (
    <ul aria-label="Active integrations">
      {state.integrations.map((integration) => (
        <li key={integration.slug}>{integration.title}</li>
      ))}
    </ul>
  )
}
