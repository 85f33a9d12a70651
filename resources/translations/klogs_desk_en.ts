<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this terminal&apos;s journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, approved by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, by {operator}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About klogs-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop merchant terminal for the Klogs payment gateway: sales, pre-authorizations, installments, checkout links, subscriptions, voids and refunds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Includes a sandbox gateway for training: no real money moves there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Audit trail not written</source>
        <extracomment>The process exit code when production was asked for and not confirmed (nothing was changed). Qt platforms that show nothing to anyone: a question there has no one to answer it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last action was done but could not be written to the audit trail ({reason}). Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments in progress when the terminal last stopped: {count}. Their outcome is unknown: open the Journal tab and check them before charging those customers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Terminal started</source>
        <extracomment>The actions this terminal records, as a manager reads them (others are shown by their code).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN at sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked out after wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after idle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: not this operator&apos;s to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator&apos;s role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator&apos;s PIN reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator changed their PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal exported (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail exported (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed report reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card saved by its owner (gateway webhook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search actions, names and details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the records shown as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain intact: {count} records, none altered, deleted or reordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken at record {number}: the audit trail was altered there. Records from that one on cannot be trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} records to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <source>New</source>
        <extracomment>What an input takes from the cashier, all refused while the form is locked (:meth:`CardForm.lock_input`); Enter and Esc are still routed (the owner ignores them while a payment is in flight). Enter was pressed in one of the inputs. Esc was pressed in one of the inputs. The amount or currency changed: (amount or None when it does not parse, currency). The card fields were wiped because nobody typed for ``idle_seconds``. The inputs refuse the cashier&apos;s input (see :meth:`lock_input`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a fresh order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} digits</source>
        <extracomment>Something was typed since the form was last made fresh (see :meth:`mark_fresh`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <source>Change my PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new PINs are different. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckoutTab</name>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is being created…</source>
        <extracomment>Gateway field names (camelCase) -&gt; the key of the field that shows their errors.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the customer to pay. This updates by itself; Refresh checks now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid: the payment is below and in the Journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s card was declined: this link is used up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer to the create request was lost. Type the same order ID and amount and press Create link again: the gateway answers with the same link if it made one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway did not create this link. Nothing can be paid with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkout links</source>
        <extracomment>A create ended with a link (new or existing): the CheckoutLink. A create ended without a link, or was refused: the CreateResult. A followed link reached a final status (PAID / FAILED): the CheckoutLink. One round of asking the gateway about a link ended: the RefreshResult.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <extracomment>Entry id -&gt; the task following that link (kept so it can be cancelled and is not collected).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer pays for (shown on the page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single payment only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> installments at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer pays the installment interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: https://your-shop/paid (told when paid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum number of installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer pays the interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create payment link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkout message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New payment link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment link address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the link in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: this link works on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the link works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the open links now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the gateway now about every link awaiting payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links of this terminal, newest first. Open links update by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link was not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full address starting with https:// or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the marked fields. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the link instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code of the link appears here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code: this link is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a link, or select one in the list below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s status could not be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The links could not be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClearText</name>
    <message>
        <source>Insecure gateway address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway address {url} uses plain http:// to another computer, which would send card data and API secrets in clear text. Nothing was sent. Use an https:// address in File ▸ Settings (plain http:// is allowed only to this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosedReportsDialog</name>
    <message>
        <source>Closed reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed shifts and days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift ({operator})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: closed {when} (no. {number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been closed yet in this environment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateSubscriptionDialog</name>
    <message>
        <source>New subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your reference, e.g. SUB-2026-001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First payment (local):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last payment (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last payment (local):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. Premium plan - monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment system ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next payment dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No schedule yet: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment falls between the first and last payment time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next {count} payments (local time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {count} payments (local time):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoDataLoader</name>
    <message>
        <source>Load &amp;demo data…</source>
        <extracomment>The demo day was made; carries the DemoSummary. Steps done so far (of :data:`~klogs_desk.services.demo_data.STEPS`), as the progress dialog shows them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills the training sandbox with a day of sales, voids, pre-authorizations, checkout links and subscriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data loaded: {sales} sales, {links} checkout links, {subscriptions} subscriptions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSubscriptionDialog</name>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit subscription {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit subscription by ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subscription&apos;s reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the last payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New last payment (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last payment (local):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment system ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment system group ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the subscription ID (its reference).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway saved the changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryLineEdit</name>
    <message>
        <source>MM/YY</source>
        <extracomment>The card-clear setting&apos;s default (declared in :mod:`klogs_desk.config`), until the window applies the setting. Gateway field names (camelCase) -&gt; the form field that shows their errors.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayWords</name>
    <message>
        <source>Successful</source>
        <extracomment>A payment&apos;s ``resultMessage`` (also a 3-D Secure enrollment&apos;s and a checkout&apos;s) -&gt; its words on screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not honour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insufficient funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has not paid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <extracomment>A transaction&apos;s ``status`` and ``type`` (``GET /api/transactions``) -&gt; their words on screen.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallmentPlanBanner</name>
    <message>
        <source>Installment plan of this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the installment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the installment plan: the sale is then paid at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;3-D Secure sale of {amount} {plan}.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card holder pays {count} × {each} = {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base amount {amount} + interest {interest}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the card again: card details are never carried over from the Installments tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallmentSale</name>
    <message>
        <source>in a single payment</source>
        <extracomment>The quoted row&apos;s figures, when the Installments tab still holds them (shown, never sent).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {count} installments (interest paid by customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {count} installments (interest paid by merchant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment plan note</source>
        <extracomment>The plan ticked ``threeDsSwitch`` itself: it is unticked again when the plan&apos;s order ends. The note outlives the payment that wrote it (a decline), then goes with the next one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment plan removed: this sale is paid at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A payment is in progress. Choose the installment option again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installment plan went with the declined order. For another card, choose the option again in the Installments tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the currency changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount was cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment plan removed: {what}, and the options were quoted for {quoted}. Choose an option again in the Installments tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment plan removed: installments are only paid with 3-D Secure.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallmentsTab</name>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per installment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <extracomment>(installment count, interest paid by customer, amount quoted (Decimal), currency) The table was filled: the options shown (list of InstallmentOption).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number (only the first digits decide the options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer pays the interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum number of installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer pays the interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show installment options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment options message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card quoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installment options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the selected installment option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a 3-D Secure sale with the selected number of installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {card} {brand} · {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (single payment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has no installment options for this amount: a single payment only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card can only pay in a single payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} options; the customer pays the interest. Double-click a row or select it and press Use this option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} options; you (the merchant) pay the interest. Double-click a row or select it and press Use this option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request: see the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No options: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inputs changed: press Show options again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale (3-D Secure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PENDING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DECLINED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERROR — NOT CHARGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEEDS 3-D SECURE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT CHARGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAITING FOR CUSTOMER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED — NOTHING DONE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOIDED</source>
        <extracomment>Display keys of an approved payment that was voided or refunded afterwards (see the module docstring).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUNDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PARTLY REFUNDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, then voided: the card holder was not charged in the end.</source>
        <extracomment>Display key of a void, refund or capture the gateway refused (a journal ``error`` row): nothing was done, and it was never a charge attempt, so it does not read &quot;ERROR — NOT CHARGED&quot;. The journal row of an approved void or refund reads as what it did, not as a new approved charge.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, then refunded in full: nothing is left to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved, then refunded in part: the Balance column shows what can still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} returned to the card</source>
        <extracomment>Badge colours by state value (for :class:`klogs_desk.ui.badges.BadgeDelegate`). Green means money moved, red means it did not, amber means nobody knows yet and a person must look; grey: nothing happened.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was sent but no answer came back. The card may or may not have been charged: check it before charging again.</source>
        <extracomment>Role carrying the :class:`Entry` of a row (for actions and details). Rows read together when the view first shows one of them (one query for the rows, one for their children). About a screen and a half: a jump of the scroll bar shows rows of at most two pages, read on the UI thread (~50 us a row here), so a page of 100 cost up to 200 rows (~10 ms) for the ~20 rows on screen. Rows of pages already read that paints format in one event-loop turn; the others paint empty until the next turns format them (:meth:`JournalTableModel.painted_text`). Rows a paint left empty that one step of :meth:`JournalTableModel._read_deferred` formats (~0.1 ms a row). Money texts kept by the model (amounts that equal as Decimals format alike: quantized to the currency). Pages kept; the least recently shown is dropped beyond this (memory stays flat however far one scrolls). ``load(ids)``: the entries of ``ids`` (in that order) and their children (``Journal.entries`` and ``Journal.children_of``), read on the UI thread for one page: :data:`PAGE_SIZE` rows by primary key, ~2 ms. page number -&gt; its rows; the least recently shown first. (amount, currency) -&gt; its text in ``_locale``: a shop&apos;s prices repeat, and a Balance that is still the whole amount reads as the Amount column (formatting one is ~25 us, a third of a row&apos;s texts). Pages a paint wanted before they were read: page number -&gt; (first, last) row it painted empty. Read, then formatted a few rows per turn (:meth:`_read_deferred`), then repainted (:meth:`painted_text`). Rows read and formatted by the last step of :meth:`_read_deferred`, told to the view at the next. Rows of read pages formatted by paints since the timer last fired (:meth:`painted_text`). The rows the view shows now, (first, last) (:meth:`set_visible_rows`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by {manager}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{operator}, approved by {manager}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalTab</name>
    <message>
        <source>All states</source>
        <extracomment>Most rows of the shop&apos;s journal (all tills) shown at once: they come over the network. How often the status line counts the rows an export has written. Rows measured to fit the columns (QHeaderView.setResizeContentsPrecision; 0 would be the visible rows only): a page, a screen and a half: the first page, read with the ids on the reader thread and formatted before the listing is shown, so fitting reads and formats nothing on the UI thread (_fit_columns). Rows of a listing&apos;s first page formatted per event-loop turn before the listing is shown (~0.2 ms a row). The columns whose texts a listing&apos;s first rows lay out before their paint (not the state badges, nor the columns that elide: their paint lays out the shortened text). Attributes of the parts of the tab built in a turn after the constructor&apos;s (JournalTab._unbuilt). Pixels a fitted column gets beyond its widest text and the delegate&apos;s margins (the grid line, air). (label, states) of the state filter; ``None`` means every state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs checking (outcome unknown, pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for customer or 3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet: this action arrives in a later version of klogs-desk.</source>
        <extracomment>The Journal&apos;s columns by the name the settings file keeps them under (``journal/hidden_columns``). Always shown: what a row is and how it ended (the column chooser does not offer them). Characters of a name the Operator column is wide enough for. Characters a filter combo box keeps when the row is short of room (its list still shows each choice whole). The currency with the most minor digits: any amount in the journal can be typed in the amount filter.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID or card last 4</source>
        <extracomment>The selected row changed (``None`` when nothing is selected). A CSV was written: (path, number of rows). The rows of the current filters are on screen (after every :meth:`refresh`): how many. Internal: a reader-thread answer (generation, future) and a finished export (future), emitted on the worker thread and so queued to the UI thread. &quot;All tills&quot;: the manager asked to void / refund the selected payment (a :class:`ShopEntry`). Where the column choice is kept (the composition root&apos;s settings; a tab on its own: the settings file). The shop database (None: this till alone; the scope and till filters are not shown). The gateway&apos;s clock, for its daily settlement cut-off (void before it, refund after it). The terminal&apos;s receipt printer (the composition root&apos;s); a tab on its own uses the settings file. A listing read and being shown a few rows per turn (generation, listing, its first page). The export in progress. The seams&apos; handlers and tooltips by button (set_action_handler).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the CSV export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by order ID or card last four digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export shown rows as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this till or all tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting… {done} of {total} transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 1 transaction to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} transactions to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and print the receipt of the selected payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt of the selected payment as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal entries of all tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the payment of another till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund the payment of another till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to choose the columns shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the shop database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager may export the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount filter not applied: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled at the daily cut-off (00:00 UTC): refund it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row cannot be voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not settled until the daily cut-off (00:00 UTC): void it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this row can be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Sign in</source>
        <extracomment>Input that counts as the cashier being there. Why the screen is shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in training mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal was idle and is locked. Sign in with your name and PIN to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your name and your own PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No manager has been created yet: you can also continue in training mode on the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Sale</source>
        <extracomment>Tab text; ``&amp;`` marks the Alt+letter mnemonic.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Checkout links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING MODE — this terminal talks to the built-in sandbox gateway. No real money moves. Press F1 for the test cards.</source>
        <extracomment>Gets the focus when the tab is shown (``None``: leave the focus alone). An answer within this many seconds counts as &quot;answered recently&quot;. How long a background notice (a payment settled by the lookup) stays in the status bar. The signed-in operator changed (an :class:`Operator`, or None while nobody is signed in). Once, right after the window&apos;s first frame (two turns of the event loop after it was first shown: the first paint is done). The composition root builds the tabs the first frame does not show then. Who is signed in (a window built without one gets an empty staff: training on the sandbox). The audit trail for the Audit trail view and the day&apos;s reports (``None``: those menus are absent). Shift and day closes (``None``: no Close shift/day menu items). The tabs shown so far, in order (:meth:`add_pages` adds the ones built after the first frame).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database status</source>
        <extracomment>&quot;shop database: N records waiting&quot; (hidden without a shop database; see show_shop_status).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close s&amp;hift…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close &amp;day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed &amp;reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About klogs-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail has been altered: its chain is broken at record {number}. Records from there on cannot be trusted. Tell the manager; keep the file audit.sqlite3 as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close &amp;day with a manager&apos;s PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: answered {ago}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: last answer {ago}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway: not contacted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request to the gateway is still in progress. If you quit now its outcome will be recorded as unknown and must be checked later.

Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}

A manager must approve this: the manager types their own name and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager PIN problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager &amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the manager&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the manager PIN (digits only).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Gateway: {text}</source>
        <extracomment>The translation context of every template (``QCoreApplication.translate(CONTEXT, template)``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown ({raw})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkout link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card owner registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscription update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway address for this environment is not usable. Nothing was sent; check the address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the gateway was replaced (the settings changed) before this request left. Nothing was sent; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered with a body this terminal cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered {status} with a body this terminal cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway could not be reached. Nothing was sent; check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway did not answer in time. Nothing was charged; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {operation} was sent but the gateway&apos;s answer was lost ({why}). It may or may not have gone through: do not send it again until it is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {operation} was sent but a proxy answered {status} instead of the gateway. It may or may not have gone through: do not send it again until it is resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway did not accept this terminal&apos;s credentials. Check the API key, secret and token for this environment in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These credentials are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These credentials are not allowed to do this. {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway has no such record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused this now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway is receiving too many requests. Wait {seconds} s and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway is receiving too many requests. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway had an internal error ({status}). Nothing was completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway had an internal error ({status}). {detail} Nothing was completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined by the card issuer. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined: {why}. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card needs 3-D Secure. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered with status {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment was not sent: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID {order_id} was already sent. Nothing was sent now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment may or may not have gone through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer could not be read. The payment may or may not have gone through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale of {amount} on the card ending {last_four} is still unresolved (order {order_id}). Charge this card again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale of {amount} on the card ending {last_four} was approved at {time} (order {order_id}). Charge this card again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the next sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card needed 3-D Secure: the same sale went on with the card holder&apos;s bank check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is held on the card. Capture it later: select it in the list of open pre-authorizations and press Capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved — settled by asking the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined — settled by asking the gateway. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not charged — settled by asking the gateway. It is safe to charge again with a new order ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order_id} ({amount}): {result}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not charge again. Check the Journal — it will be resolved with the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for another card or another way to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay with 3-D Secure: the card holder confirms on their phone or bank page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the marked fields and press Pay again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press New for a fresh order ID, or check the Journal for that order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this environment&apos;s credentials in Settings, retype the card number and CVV, then press Pay again (same order ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait, retype the card number and CVV, then press Pay again (same order ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network, retype the card number and CVV, then press Pay again (same order ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retype the card number and CVV and press Pay again: the same order ID is kept, so it cannot charge twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured {captured} — {released} released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To give money back, void it in the Journal today or refund it after the daily settlement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a pre-authorization can be captured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-authorization {order_id} was not approved; nothing to capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-authorization {order_id} was already captured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture of {order_id} has no known outcome yet. Resolve it in the Journal first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {amount} can be captured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID {order_id} was already sent with 3-D Secure. Nothing was sent now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press New for a fresh order ID, or check the Journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 3-D Secure request was sent but its answer was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not charged. {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure could not start: {why}. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway did not start 3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card holder did not finish authentication in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} Cancelled — nothing charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card holder&apos;s authentication failed. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined: the card holder&apos;s authentication failed. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To try again, pay with 3-D Secure under a new order ID, or take another card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known — create again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer paid this link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over the goods; the payment is in the Journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is used up: create a new link (new order ID) or take another way to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link was not created: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID {order_id} already has a link for {amount}. Nothing was sent. Press New for a fresh order ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order_id} already has this link. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link for order {order_id} is being created right now. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID {order_id} was just used. Nothing was sent. Press New for a fresh order ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link was requested but the answer was lost. Press Create link again: the same order ID brings back the same link if it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link was not created: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link created. Show the QR code or send the link to the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not ask the gateway: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {kind} cannot be voided. Select the payment itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {kind} cannot be refunded. Select the payment itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {order_id} was refunded (in part or in full); it can only be refunded further, not voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-authorization {order_id} was never captured: nothing was taken to refund. Void it to release the hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is left to refund on {order_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund amount is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {amount} can still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {order_id} has no known outcome yet: it cannot be voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {order_id} has no known outcome yet: it cannot be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {order_id} is {state}: it cannot be voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {order_id} is {state}: it cannot be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {kind} of {order_id} has no known outcome yet. Wait until the Journal resolves it (or check it with Details) before sending another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {order_id} was already voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The void was sent but no answer came back. Do not send it again: the Journal checks it with the gateway and shows the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund was sent but no answer came back. Do not send it again: the Journal checks it with the gateway and shows the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer to the void could not be read. The Journal checks it with the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer to the refund could not be read. The Journal checks it with the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided {amount} of {order_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded {amount} of {order_id}; {left} left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway has no payment with this order ID: nothing was done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided with its pre-authorization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided ({approved_by}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided (approved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN must be {shortest} to {longest} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name of 1 to 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is the built-in training operator. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an operator named “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no operator named “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last manager who can sign in. Add or enable another manager first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name or the PIN is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name or the PIN is wrong. Tries left before this operator is locked out for 30 minutes: {tries}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs: this operator is locked out. Time left: {minutes} min, or until a manager unlocks them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your own name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager may do this ({action}). Ask a manager to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A void or a refund needs a manager: a manager signed in, or a manager&apos;s name and PIN typed here. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a manager. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voids and refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating, changing or disabling subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switching the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing their own shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {owner} may do this ({action}). Ask {owner} to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a manager. The day was not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no PIN required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded {amount}; {left} left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retried after: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal stopped while this request was in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal failed while this request was in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled — nothing charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: approved ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: declined, nothing charged ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: void done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: refund done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: capture done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: no void recorded — nothing was done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: no refund recorded — nothing was done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: no capture recorded — nothing was done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: no such payment — no void was done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: no such payment — no refund was done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway lookup: no such payment — no capture was done ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not charged — safe to charge again with a new order ID ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashier verified: {state} — {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway answered in a form this terminal does not understand (HTTP {status}) ({stamp})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number has only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number is too short or too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {brand} card number has {lengths} digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lengths} or {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number is not valid (check digit). Check it was typed right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the expiry as MM/YY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry month is 01 to 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry year is too far ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the security code (CVV).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security code has {count} digits for this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the card holder&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name has letters only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown currency {currency}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{currency} has no decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{currency} allows at most {digits} decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is over the limit of {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} does not fit {currency} without rounding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use digits and one decimal separator only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one decimal separator only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thousands separators must group digits in threes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an order ID (press New for a fresh one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order ID is at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, digits and - _ . / only, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order ID must not hold a card number: use another one (press New for a fresh one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interval must be between 1 and 30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dayOfMonth is required for monthly and yearly payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dayOfMonth must be between 1 and 31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthOfYear is required for yearly payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthOfYear must be between 1 and 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times must carry a time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {interval} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every month on day {day}, or the month&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {interval} months on day {day}, or the month&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every month on day {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {interval} months on day {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every month on the same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {interval} months on the same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {interval} years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every year on {day} {month}, or the month&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {interval} years on {day} {month}, or the month&apos;s last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every year on {day} {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {interval} years on {day} {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting owner confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting card save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active: payments will be taken on schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled: no payments will be taken until it is enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete: every scheduled payment has been taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the card owner to confirm by SMS; no payment is taken until they do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the card to be saved; payments start once the card storage is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card owner must confirm by SMS before any payment is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No confirmation is needed from the card owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card owner ID: {owner_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway accepted the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: unknown ({raw}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the recurring-payments token (401): check the token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token is not allowed to list subscriptions (403). Ask Klogs to enable the registered-payment API for this merchant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests to the gateway (429): wait {seconds} s and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests to the gateway (429): wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway had an internal error ({status}): try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway could not be reached. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscriptions could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{brand} •••• {last_four}, expires {expiry} — {owner}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the card to be saved…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sends the card owner a link to save their card. This window moves on by itself when the gateway says the card is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: give the customer this link, or let them scan the code, to save a test card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card saved: {card}. It is now offered in the subscription and payment-order forms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting. The card will still be offered once the gateway says it is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway has no saved card with this ID: choose a saved card, or register the owner and let them save one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card was saved by another card owner: choose one of this owner&apos;s cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the number in international form, starting with + and the country code (e.g. +905551234567).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number. Use the form +905551234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such phone number in that country: check the digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the ID as a UUID (32 hex digits in groups 8-4-4-4-12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address such as jane@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment API: reachable, API key and secret accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment API: reachable, but the API key or secret was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment API: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment API: reachable, signed requests accepted (the secret was not sent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment API: reachable, but it refused the signed requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions API: reachable, but the Bearer token was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions API: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions API: reachable, Bearer token accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no password store (keyring), so the API credentials cannot be saved securely. Credentials can be kept for this session only: you will need to enter them again the next time the terminal starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}. No file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal could not be read for the export ({reason}). No file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export stopped before it finished (exit status {status}). No file was written; the details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error — not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs 3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop database: {count} records waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop database: up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database cannot be reached. Sales go on; this till&apos;s records are sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another till already uses the name “{till}” in the shop database. Choose another till name in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database was upgraded by a newer terminal (schema {version}). Update this terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database&apos;s copy of till {till}&apos;s audit trail does not match this till&apos;s. Nothing more is sent until a manager looks into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded {amount} of order {order_id}, a payment made at till {till}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tills not heard from in the last {minutes} minutes: {tills}. Their latest records may be missing from this report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tills with records not yet in the shop database: {tills}. This report does not include them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database answered: PostgreSQL {version}, database “{database}”, user “{user}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database refused the user “{user}” or the password. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database server has no database named “{database}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database server does not offer TLS, which a database on another computer needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answered at {host}, port {port}. Check the host, the port and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop database did not accept the connection: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New operator&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New operator&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New operator&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashiers 4+, managers 6+ digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked out ({minutes} min left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN for {name}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>Register card owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <extracomment>The owner&apos;s card was saved (the :class:`SavedCard`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+905551234567 or 0555 123 45 67</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card save status</source>
        <extracomment>The card saved for this owner, once the webhook told it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to save the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of the link to save the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the link instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card owner is registered. Their card can now be saved for subscriptions and payment orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card owner ID: {owner_id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentOrderDialog</name>
    <message>
        <source>New payment order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ORDER-2026-001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay on (local time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, shown on the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment system ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional UUID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreAuthTab</name>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left to capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <extracomment>How often the ages in the list are brought up to date.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to hold on the card</source>
        <extracomment>A pre-authorization or capture ended (any state) and the tab is ready for the next action; the journal already holds it. Carries the :class:`PaymentOutcome`. The terminal&apos;s receipt printer (the composition root&apos;s); None: one on the settings file when asked. The journal id of the pre-authorization whose amount is in the capture field.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorize (hold the amount on the card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pre-authorizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open pre-authorizations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture the selected pre-authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge the card the amount typed (at most what is left); the rest of the hold is released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorizing — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-authorization did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a pre-authorization to capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture {amount}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture {amount} of {held}? {released} will be released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture of {order_id} has no known outcome yet. Resolve it in the Journal before capturing again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductionConfirm</name>
    <message>
        <source>Start in production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal was started with --environment production. In PRODUCTION every approved payment charges a real card.

Switch this terminal to production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrCodeWidget</name>
    <message>
        <source>The QR code of the link appears here</source>
        <extracomment>The smallest side of the code in pixels.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of the payment link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of {address}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>TRAINING — NOT A REAL PAYMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm receipt</source>
        <extracomment>Each paper as the preview&apos;s choice names it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The shortest roll receipt (a short receipt still tears off cleanly). Text size (pt) of the body, the merchant, the amount, the result and the training banner on each paper. QTextDocument lays out in logical pixels at this resolution. The result line&apos;s colour: the theme&apos;s text shade for paper (a light background in any theme).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the gateway. Check this payment before charging again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klogs merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved: {resolution}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {order_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the receipt was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this receipt as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the receipt: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordOutcomeDialog</name>
    <message>
        <source>Approved — the money was taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined — the card was not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not charged — the gateway never received it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record verified outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} {order_id} of {amount} has no known outcome. Record what you verified, and how.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the outcome was verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Checked in the bank portal with Ayşe (support), 14:05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified outcome problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how you verified it (who, where, when).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund {order_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid {amount} with {card}.
Up to {left} can still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refundable balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund amount in {currency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund the full remaining balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund amount problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount ({currency})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteView</name>
    <message>
        <source>The bank&apos;s page is open in a window of its own.</source>
        <extracomment>A challenge waits this long for a browser that is starting (0.2-0.4 s on an idle two-core till, up to ~2.5 s with two busy programs beside it: bench_three_ds.py); the Sale tab says it is waiting. At quit, the child is given this long to end by itself before it is killed (it ends in well under 100 ms; the wait holds the quitting terminal&apos;s window). Every event line of the child, as a dict (pages pick theirs by number). The child ended (or could not start); open pages report it. True once the child said ``ready`` (and until it ends). Children started so far (a test reads it: a dead child is replaced, a live one reused). A warm-up waits until nobody pressed a key or clicked for this long... ...but not longer than this after :func:`warm_up` was called. Key presses, clicks, wheel turns and touches seen (tests read it). The page was given up from its side: Escape pressed in it, or its window of its own closed. The page&apos;s view has a native window (its id): :class:`RemoteView` shows it. Tab (``True``) or Shift+Tab (``False``) moved past the page&apos;s last (first) element: the keyboard goes back to the dialog (embedded only). ``renderProcessTerminated``&apos;s status when the page could not be opened at all: no browser process (it could not be started, or did not become ready within :data:`READY_PATIENCE_S`). ``renderProcessTerminated``&apos;s status when the browser process ended while the page was open. ``(url, path)`` of each download refused (the path was never written).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Approved sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pre-authorizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takings kept (after refunds and voids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift report — {operator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales and captures by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed {when} by {who} (close no. {number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments without a known outcome: {count}. Check them in the Journal before charging those customers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By card brand (sales and captures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By operator (sales and captures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By kind (approved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest hour: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close day with a manager&apos;s PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales and captures by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments without an outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} payment(s) of this period have no known outcome; a card may have been charged. Check them in the Journal first.

Close anyway? They stay listed in the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed. The report is kept and can be reopened from File ▸ Closed reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the report: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the day: the day&apos;s report is kept as it is now, and the close is recorded with both names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Send</source>
        <extracomment>A saved card was chosen from the list (the :class:`SavedCard`). The gateway accepted the request; carries its :class:`OperationResult`. Window title and Send button text, marked with QT_TRANSLATE_NOOP in each subclass and translated here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card owner:</source>
        <extracomment>Requests actually handed to ``send`` (tests check nothing is sent for bad input). The shop&apos;s country: local phone numbers are read as its numbers (see :meth:`set_phone_region`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+905551234567 or 0555 123 45 67</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a saved card or type its ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card the owner saved at the gateway, or the UUID of a stored card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved card:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the fields above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway did not accept the request: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the subscriptions for this reference before creating it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>APPROVED</source>
        <extracomment>Headline per state, translated when shown (context ``ResultPanel``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DECLINED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D SECURE REQUIRED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT CHARGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT SENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANCELLED — NOT CHARGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment may or may not have gone through. &lt;b&gt;Do not charge again.&lt;/b&gt; Check the Journal — it will be resolved with the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment result</source>
        <extracomment>The cashier asked for the receipt of this journal entry id. The cashier chose &quot;Pay with 3-D Secure&quot; for an ENROLLED card.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt…</source>
        <extracomment>English title -&gt; (title label, value label, row); all rows built here, hidden until used.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay with 3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result: {headline}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <extracomment>(headline, background, text colour) per state; the colours are the theme&apos;s for that status. Every detail row, in the order shown; rows are keyed by these English titles (see :meth:`ResultPanel.detail`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme / type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic / international</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleTab</name>
    <message>
        <source>Pay</source>
        <extracomment>How long a payment&apos;s &quot;sending&quot; state (read-only fields, disabled Pay, progress) may wait to be painted. Its state applies at the click; only the painting waits, so a gateway answering within this time is painted once, as the result. Painting &quot;sending&quot; first costs about 2 ms of the UI thread before the request can even leave (Qt paints before the next asyncio step) for a frame shown for less than one display refresh; 100 ms is still within what a cashier perceives as instant feedback. A payment ended (any state); the journal already holds it. The cashier chose 3-D Secure for an ENROLLED card: the :class:`CardOrder` to send through /api/3ds. The terminal&apos;s receipt printer, asked for when a receipt is opened (the composition root builds it then: its modules cost the first frame ~80 ms); None: one on the settings file when asked. The 3-D Secure sales of this tab (``None``: no 3-D Secure path, no switch, no installments). An ENROLLED answer&apos;s order, to go on through 3-D Secure as soon as its flight has ended. The in-flight look (see _show_busy) is on; and whether it put up a busy cursor of its own. The gateway is not there yet (_until_gateway_starts): Pay says &quot;Connecting…&quot;, not &quot;Sending…&quot;. The banner of a card sale in flight, put in the result panel only when the sending state is painted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter pays · Esc clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the training gateway — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the gateway — please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible double charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer yet… {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer yet… {seconds} s; at {timeout} s it will be checked with the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer yet… {seconds} s; it is being checked with the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card details were cleared. Type the card again and pay with 3-D Secure.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleFieldsMixin</name>
    <message>
        <source>(unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every (1-30):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of month (1-30):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <extracomment>Each language is named in itself, so a cashier who cannot read the current one still finds theirs.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox (training)</source>
        <extracomment>The environments as Settings shows them (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no password store (keyring), so the API credentials cannot be saved securely. Credentials can be kept for this session only: you will need to enter them again the next time the terminal starts.</source>
        <extracomment>:data:`CredentialStoreUnavailable.MESSAGE` word for word, so lupdate offers it for translation.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key and secret headers (as documented)</source>
        <extracomment>The payment API&apos;s authentication modes as Settings shows them (translated when shown), by mode.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed requests (as Klogs&apos; client libraries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>How the payment API is authenticated (saved for every environment shown, like the URLs).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <extracomment>Who may switch environments and who is named in the audit trail (None: a tool, no staff).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication of the payment API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed requests send a signature made with the API secret instead of the secret itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep credentials for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payment API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscriptions API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au&amp;thentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bearer token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant line on receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear card fields after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used from the next start of the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merchant line on receipts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear card fields after &amp;idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the terminal after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: this till alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database on another computer is reached over TLS only. Changes apply from the next start of the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save, then restart the terminal: the new shop database settings are used from the next start.</source>
        <extracomment>Shown once a shop field differs from what is saved: the pusher and the all-tills view are set up at start, so nothing changes until the terminal starts again (see the module docstring).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the shop database connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ho&amp;st:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Till name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager signed in with their own name and PIN can change the shop database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the host, the database and the user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the shop database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a shop database, type its name, the user and this till&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a till name of 1 to 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manager must sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching to the test or production environment needs a manager signed in with their own name and PIN. In training mode, add a manager in File ▸ Operators… first, then sign in as them. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank: the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” is not a web address. Use the form https://host/ or leave it blank for the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” would send card data and secrets in clear text. Use https://, or plain http:// only to this computer (127.0.0.1 or localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In PRODUCTION every approved payment charges a real card.

Switch this terminal to production?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick “Keep credentials for this session only” and save again, or install a password store (keyring).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this environment&apos;s API key, API secret and Bearer token first: the gateway needs them to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox has no address: enter its URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking both APIs…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopActions</name>
    <message>
        <source>A manager must sign in</source>
        <extracomment>A void or refund of another till&apos;s payment ended (the :class:`TransactionOutcome`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void order {order_id} of {amount}, made at till {till}? It is sent from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway could not be asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to refund of order {order_id} (till {till}), at most {left}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopJournalModel</name>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubscriptionsModel</name>
    <message>
        <source>Loading…</source>
        <extracomment>Item-data role returning the row&apos;s :class:`RecurringPayment` (``None`` while its page loads). Shown in a row whose page is loading (English; :attr:`SubscriptionsModel.loading_text` is translated).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <extracomment>``OrderBy`` value of the column, ``None`` where the gateway cannot sort by it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by {column}</source>
        <extracomment>Rows of a landed page formatted and repainted per event-loop turn (:meth:`SubscriptionsModel._show_in_chunks`). Rows a paint formats itself in one event-loop turn; the others show &quot;Loading…&quot; a turn or two longer. 2, not 6 (issue 19): a scroll step&apos;s full repaint formatted six rows (~2 ms on a small till) on top of drawing row images and copying a screen; the rest now come with the chunks (:meth:`_next_chunk`). Shared texts kept (:meth:`SubscriptionsModel._shared`). A cached row as :class:`_RowCodec` keeps it: ``(shape number, value, value, ...)``. How :class:`_RowCodec` keeps a field&apos;s value: as it is, a ``UUID`` as its int, a shared object (an enum member) as its number in the codec&apos;s table. Page number that arrived (1-based). The typed client error of a load that failed. The gateway&apos;s total for the current query (after the first page). The first and last rows a view shows (``None``: no view on screen). A landing page&apos;s rows on screen are formatted and shown a few at a time (:meth:`_show_in_chunks`); without it the whole page is shown at once. Rows of landed pages still to be shown (:meth:`_show_in_chunks`), one chunk per timer event. Rows formatted by paints since the chunk timer last fired (:meth:`_texts_for_display`). Awaited before a page&apos;s query is built and sent: the gateway client (and the models the query is made of) come right after the first frame, and the view asks for page 1 before that. A new query was asked for while old rows are on screen: they stay until its page 1 arrives. What a row whose page is loading shows, in the installed language. Number of list requests started (for tests and the benchmark). Texts of values many rows share, by the value: amounts (prices repeat), statuses and schedules (&quot;every month on the 1st&quot;): formatting them was two thirds of a row&apos;s ~160 us. Bounded. Rows of the page cache are kept compact (:class:`_RowCodec`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway cannot sort by this</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubscriptionsTab</name>
    <message>
        <source>Subscriptions error</source>
        <extracomment>Every write asks ``staff`` first (the service holds the rule; the buttons only show it). The cards owners saved (offered in the dialogs); a saved card moves waiting subscriptions on, so the list is asked again when one arrives (no manual refresh). The shop&apos;s country for phone numbers typed the local way (None: the dialogs&apos; default).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by subscription ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by subscription ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New subscription…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit by subscription ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register card owner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New payment order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <extracomment>A cashier reads subscriptions; only a manager creates, edits, disables, registers owners and orders.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment orders created on this terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status when created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows shown are from before the error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matching “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager may change subscriptions, card owners and payment orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created (no status reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable subscription {name}? No payment will be taken until it is enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable subscription {name}? Payments will be taken again on schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription was not changed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway did not change the subscription: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway changed the subscription, but it is not {status}: {meaning}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>The request did not go through</source>
        <extracomment>The error dialog&apos;s title when the caller names none (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestCardsDialog</name>
    <message>
        <source>Sandbox test cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode only. Use any future expiry date and any 3-digit CVV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>SANDBOX</source>
        <extracomment>English; shown through ``QCoreApplication.translate(&quot;Theme&quot;, text)`` (likewise ``description``). Longer explanation, for the label&apos;s tooltip and accessible description.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode: the built-in sandbox gateway. No real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klogs test gateway: test cards only, no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PRODUCTION — real cards are charged</source>
        <extracomment>Money moved / the thing is live: approved, paid, an active subscription, the gateway answered. Refused: declined, failed, a gateway error; also field errors. Nobody knows yet and a person must look: outcome unknown, waiting for a subscription&apos;s owner; cautions. In flight or done without money moving now: pending, a finished subscription. Waiting for the card holder: 3-D Secure, a checkout link not paid yet. Nothing happened (or it was undone): not charged, not sent, cancelled, voided, refunded, disabled; hints. Money that moved and came back in part: partly refunded. The border of a field the cashier must correct (``QSS`` fragment, drawn on the field in both themes). Green box: something was done (a subscription created). Red box: something could not be done (the subscriptions list failed to load). Amber box: read this before going on (the training banner, an installment plan&apos;s note). English; shown through ``QCoreApplication.translate(&quot;Theme&quot;, text)``. Production: red, the words say real cards are charged. Test: blue (not the training banner&apos;s amber, not production&apos;s red), the words say no real money moves. Both white bold text, at least 4.5:1.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live gateway: every approved payment charges a real card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEST environment — no real money</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreeDsDialog</name>
    <message>
        <source>3-D Secure — customer authentication</source>
        <extracomment>Opening steps (dialog shown, web view shown, page loading) are this far apart: a turn of the event loop each, with input and paint handled in between.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure customer authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer authentication — {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {card}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the card holder complete their bank&apos;s check below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the card holder complete their bank&apos;s check in its window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank authentication page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the page shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the bank&apos;s page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel 3-D Secure authentication; nothing is charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close; nothing is charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the card holder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page tried to go to {url}, which this terminal does not allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank&apos;s page could not be loaded (no connection to the gateway?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was charged. Close this window and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank&apos;s page ({host}) has an invalid security certificate; the payment was not sent. Nothing was charged. Close this window and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} — invalid security certificate (refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} — secure connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} — this terminal (receiving the bank&apos;s answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} — training sandbox (not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank&apos;s page could not be opened: this terminal&apos;s browser did not start. Nothing was charged. Close this window and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank&apos;s page stopped working. Nothing was charged. Close this window and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the card holder&apos;s bank check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay with 3-D Secure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window closes by itself when they finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card holder confirms the payment on their bank&apos;s page before it is charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-D Secure did not go through</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionActions</name>
    <message>
        <source>The gateway&apos;s view of the selected payment</source>
        <extracomment>A void or refund ended (the :class:`TransactionOutcome`). A row was resolved (by the reconciler or by hand).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected payment before the daily settlement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return money of the selected settled payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void {kind} {order_id} of {amount} ({card}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {amount} of {order_id} ({card}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}

Send it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why}

Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong manager name or PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.

{why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void: outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund: outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void refused by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund refused by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}

Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway could not be asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway has no payment with order ID {order_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway could not be asked: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row was already resolved: {resolution}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionDetails</name>
    <message>
        <source>At the gateway</source>
        <extracomment>The Details dialog&apos;s texts, marked for lupdate: details_html translates them through its local tr().</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voids, refunds or captures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this terminal&apos;s journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voids, refunds and captures sent from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, approved by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, by {operator}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionDetailsDialog</name>
    <message>
        <source>Details of {order_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record verified outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record verified outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a payment the gateway cannot resolve: record what you checked elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
