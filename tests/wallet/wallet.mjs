// Wallet compatibility check: does what a browser wallet (polkadot{.js} extension, Talisman,
// SubWallet — all built on @polkadot/api) does against an Ailock node, and fails loudly if the
// chain breaks any of it.
//
//   node wallet.mjs ws://127.0.0.1:9944
//
// 1. reads the metadata (v15 through the runtime API, as current wallets do) and the chain
//    properties, and finds CheckMetadataHash among the transaction extensions;
// 2. transfers 1.25 AIL from //Alice to a fresh account, signed with mode Disabled of
//    CheckMetadataHash, sees the status go InBlock and then Finalized (in the same block) and
//    checks both balances to the last unit;
// 3. dry-runs an over-balance transfer and gets a decoded `Token.FundsUnavailable`, with no
//    balance changed at all;
// 4. submits one anyway and decodes the in-block failure; the recipient gets nothing and the
//    sender pays exactly the fee the chain reports.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

const url = process.argv[2] ?? 'ws://127.0.0.1:9944';
const AIL = 10n ** 12n;

function check(condition, message) {
  if (!condition) throw new Error(`wallet check failed: ${message}`);
  console.log(`ok - ${message}`);
}

async function free(api, address) {
  const { data } = await api.query.system.account(address);
  return data.free.toBigInt();
}

// Docs of variant `name` of the enum at `path` (e.g. sp_runtime::TokenError), from the metadata.
function variantDocs(api, path, name) {
  for (const { type } of api.registry.lookup.types) {
    if (type.path.map(String).join('::') === path && type.def.isVariant) {
      const variant = type.def.asVariant.variants.find((v) => v.name.toString() === name);
      if (variant) return variant.docs.map(String).join(' ').trim();
    }
  }
  return '';
}

// Decodes a DispatchError the way wallets show it: `Pallet.Error: docs`.
function describe(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}: ${docs.join(' ')}`;
  }
  const kind = dispatchError.type;
  const inner = dispatchError[`as${kind}`];
  if (inner && inner.type) {
    return `${kind}.${inner.type}: ${variantDocs(api, `sp_runtime::${kind}Error`, inner.type)}`;
  }
  return kind;
}

// Signs and submits, resolving at finality with the block hash, events, fee and the block the
// transaction was first reported in (`isInBlock`, what polkadot.js' own examples wait for).
function submitFinalized(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe;
    let inBlock;
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        reject(new Error(`transaction ${status.type}`));
      }
      if (status.isInBlock) inBlock = status.asInBlock.toHex();
      if (status.isFinalized) {
        const feePaid = events.find(({ event }) =>
          api.events.transactionPayment.TransactionFeePaid.is(event));
        unsubscribe?.();
        resolve({
          inBlock,
          blockHash: status.asFinalized,
          events,
          dispatchError,
          fee: feePaid ? feePaid.event.data[1].toBigInt() + feePaid.event.data[2].toBigInt() : undefined,
        });
      }
    }).then((u) => { unsubscribe = u; }, reject);
  });
}

async function main() {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });

  // 1. Metadata and properties.
  const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
  check(versions.includes(15) && versions.includes(16), `metadata versions ${versions} include 15 and 16`);
  check(api.runtimeVersion.specName.toString() === 'ailock', 'spec name is ailock');
  const properties = await api.rpc.system.properties();
  check(properties.tokenSymbol.unwrap()[0].toString() === 'AIL', 'token symbol AIL');
  check(properties.tokenDecimals.unwrap()[0].toNumber() === 12, 'token decimals 12');
  check(properties.ss58Format.unwrap().toNumber() === 42, 'ss58 format 42');
  const extensions = api.registry.signedExtensions;
  check(extensions.includes('CheckMetadataHash'), `CheckMetadataHash among extensions ${extensions}`);

  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const recipient = keyring.addFromMnemonic(mnemonicGenerate());

  // 2. A transfer, finalized, with exact balances.
  const amount = 125n * AIL / 100n;
  const aliceBefore = await free(api, alice.address);
  const recipientBefore = await free(api, recipient.address);
  const transfer = api.tx.balances.transferKeepAlive(recipient.address, amount);
  const ok = await submitFinalized(api, transfer, alice);
  check(!ok.dispatchError, 'transfer succeeded');
  check(ok.inBlock === ok.blockHash.toHex(), `status went InBlock (${ok.inBlock}) before Finalized`);
  check(ok.fee !== undefined && ok.fee > 0n, `fee reported: ${ok.fee}`);
  const aliceAfter = (await api.query.system.account.at(ok.blockHash, alice.address)).data.free.toBigInt();
  const recipientAfter = (await api.query.system.account.at(ok.blockHash, recipient.address)).data.free.toBigInt();
  check(recipientAfter === recipientBefore + amount, `recipient has exactly ${recipientAfter}`);
  check(aliceAfter === aliceBefore - amount - ok.fee, `sender paid amount + fee exactly (${aliceAfter})`);
  const finalizedHead = await api.rpc.chain.getFinalizedHead();
  const finalizedNumber = (await api.rpc.chain.getHeader(finalizedHead)).number.toNumber();
  const blockNumber = (await api.rpc.chain.getHeader(ok.blockHash)).number.toNumber();
  check(finalizedNumber >= blockNumber, `block #${blockNumber} is finalized`);

  // 3. Over-balance transfer, dry-run first as a careful wallet does: nothing changes.
  const poor = recipient;
  const tooMuch = api.tx.balances.transferKeepAlive(alice.address, 1_000n * AIL);
  const poorBefore = await free(api, poor.address);
  const aliceBefore2 = await free(api, alice.address);
  // Immortal (era 0): `apply_extrinsic` runs on the best block's post-state, where that block's
  // own hash is not recorded yet, so a transaction mortal from it would not verify.
  const signed = await tooMuch.signAsync(poor, { nonce: -1, era: 0 });
  // Raw `state_call`: polkadot.js's typed `api.call.blockBuilder.applyExtrinsic` re-encodes the
  // extrinsic as a struct; the raw call passes its bytes as the runtime expects them.
  const applyResult = await api.rpc.state.call('BlockBuilder_apply_extrinsic', signed.toHex());
  const dryRun = api.createType(api.call.blockBuilder.applyExtrinsic.meta.type, applyResult);
  check(dryRun.isOk && dryRun.asOk.isErr, `dry run reports a dispatch error (${JSON.stringify(dryRun.toHuman())})`);
  const dryRunError = describe(api, dryRun.asOk.asErr);
  check(dryRunError.startsWith('Token.FundsUnavailable'), `dry run decoded: ${dryRunError}`);
  check(await free(api, poor.address) === poorBefore, 'dry run changed nothing (sender)');
  check(await free(api, alice.address) === aliceBefore2, 'dry run changed nothing (recipient)');

  // 4. Submitted anyway: the failure is decoded; only the fee is paid.
  const failed = await submitFinalized(api, api.tx.balances.transferKeepAlive(alice.address, 1_000n * AIL), poor);
  check(Boolean(failed.dispatchError), 'in-block failure reported');
  const failure = describe(api, failed.dispatchError);
  check(failure.startsWith('Token.FundsUnavailable'), `in-block failure decoded: ${failure}`);
  const poorAfter = (await api.query.system.account.at(failed.blockHash, poor.address)).data.free.toBigInt();
  const aliceAfter2 = (await api.query.system.account.at(failed.blockHash, alice.address)).data.free.toBigInt();
  check(poorAfter === poorBefore - failed.fee, `failed sender paid only the fee ${failed.fee}`);
  check(aliceAfter2 === aliceBefore2, 'failed transfer moved nothing to the recipient');

  await api.disconnect();
  console.log('wallet compatibility: all checks passed');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
