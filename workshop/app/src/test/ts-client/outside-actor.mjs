// An outside actor with the official Temporal TypeScript client, run by TypeScriptClientTest:
//   node outside-actor.mjs ADDRESS terminate WORKFLOW_ID   terminates a running order workflow
//   node outside-actor.mjs ADDRESS squat WORKFLOW_ID       starts a workflow of its own under that id
// Prints one line of JSON saying what it did; exits non-zero if the server refused.
import { Connection, Client } from '@temporalio/client';

const [address, action, workflowId] = process.argv.slice(2);
const connection = await Connection.connect({ address });
const client = new Client({ connection });
try {
  if (action === 'terminate') {
    await client.workflow.getHandle(workflowId).terminate('terminated by the TypeScript client');
    const described = await client.workflow.getHandle(workflowId).describe();
    console.log(JSON.stringify({ action, workflowId, status: described.status.name }));
  } else if (action === 'squat') {
    await client.workflow.start('Squatter', { taskQueue: 'nobody-polls-this', workflowId, args: ['not an order'] });
    console.log(JSON.stringify({ action, workflowId, started: true }));
  } else {
    throw new Error(`unknown action ${action}`);
  }
} finally {
  await connection.close();
}
