// Progressive enhancement only: every page works without this script.
import { initAll } from './govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
rememberPostedPageAsGet()
initAll()
warnBeforeSessionTimeout()
autosaveDrafts()

/**
 * A form marked data-app-get-after-post posts back to its own page's address. When the server answers such a
 * POST with the page itself (validation errors), the browser's history entry is that POST, so Back from the next
 * page offers "Confirm form resubmission". Replacing the entry with the form's address turns it into a plain GET
 * of the form page. On a page loaded by GET the address is the same, so nothing changes. Without JavaScript the
 * browser's own behaviour is unchanged.
 */
function rememberPostedPageAsGet () {
  const form = document.querySelector('form[data-app-get-after-post]')
  if (!form || !window.history || !history.replaceState) return
  const url = new URL(form.getAttribute('action') || location.href, location.href)
  if (url.origin !== location.origin) return
  history.replaceState(history.state, '', url.pathname + url.search + location.hash)
}

/**
 * Warns before the idle timeout and lets the user stay signed in with one action (WCAG 2.2.1).
 * The server tells the page how long the session has left; "Stay signed in" restarts the clock.
 */
function warnBeforeSessionTimeout () {
  const body = document.body
  const dialog = document.getElementById('session-timeout')
  if (!dialog || !body.dataset.sessionSecondsLeft) return

  const countdown = document.getElementById('session-timeout-countdown')
  const extendButton = document.getElementById('session-timeout-extend')
  const warningSeconds = Number(body.dataset.sessionWarningSeconds) || 120
  let deadline = Date.now() + Number(body.dataset.sessionSecondsLeft) * 1000
  let warnTimer
  let tickTimer

  function schedule () {
    clearTimeout(warnTimer)
    const untilWarning = Math.max(0, deadline - Date.now() - warningSeconds * 1000)
    warnTimer = setTimeout(warn, untilWarning)
  }

  function describe (secondsLeft) {
    if (secondsLeft >= 60) {
      const minutes = Math.ceil(secondsLeft / 60)
      return minutes === 1 ? '1 minute' : minutes + ' minutes'
    }
    return secondsLeft === 1 ? '1 second' : secondsLeft + ' seconds'
  }

  function tick () {
    const secondsLeft = Math.round((deadline - Date.now()) / 1000)
    if (secondsLeft <= 0) {
      const next = encodeURIComponent(location.pathname + location.search)
      location.href = '/sign-in?ended=true&next=' + next
      return
    }
    countdown.textContent = describe(secondsLeft)
  }

  function warn () {
    tick()
    if (!dialog.open) dialog.showModal()
    extendButton.focus()
    clearInterval(tickTimer)
    tickTimer = setInterval(tick, 1000)
  }

  extendButton.addEventListener('click', async () => {
    const token = document.querySelector('input[name="csrf-token"]')
    const response = await fetch('/session/keep-alive', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'csrf-token': token ? token.value : '' }),
      credentials: 'same-origin'
    })
    if (!response.ok) {
      location.href = '/sign-in?ended=true'
      return
    }
    const { secondsLeft } = await response.json()
    deadline = Date.now() + secondsLeft * 1000
    clearInterval(tickTimer)
    dialog.close()
    schedule()
  })

  schedule()
}

/**
 * Saves a standard page's draft a moment after the person stops typing, so a closed tab loses nothing.
 * Uses the same form and the same rules as the buttons; the answers' versions are updated from the reply
 * so that the next save is not mistaken for someone else's.
 */
function autosaveDrafts () {
  const form = document.getElementById('standard-form')
  const status = document.getElementById('autosave-status')
  if (!form || !status) return
  let timer
  let dirty = false

  async function save () {
    if (!dirty) return
    dirty = false
    const body = new URLSearchParams(new FormData(form))
    body.delete('action')
    try {
      const response = await fetch(form.getAttribute('action'), {
        method: 'POST',
        headers: { 'X-Autosave': '1', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        credentials: 'same-origin'
      })
      if (response.status === 409) {
        status.textContent = 'Someone else has changed this page. Select "Save and come back later" to compare both versions.'
        return
      }
      if (!response.ok) {
        status.textContent = 'Your draft could not be saved automatically. Use the Save buttons.'
        return
      }
      const { versions } = await response.json()
      for (const [field, version] of Object.entries(versions)) {
        const input = form.querySelector('input[name="' + field + '-version"]')
        if (input) input.value = version
      }
      status.textContent = 'Draft saved at ' + new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
    } catch (e) {
      status.textContent = 'Your draft could not be saved automatically. Use the Save buttons.'
    }
  }

  form.addEventListener('input', () => {
    dirty = true
    clearTimeout(timer)
    timer = setTimeout(save, 2000)
  })
  form.addEventListener('change', () => {
    dirty = true
    clearTimeout(timer)
    timer = setTimeout(save, 1000)
  })
  form.addEventListener('submit', () => clearTimeout(timer))
}
