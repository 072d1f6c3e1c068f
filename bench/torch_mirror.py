#!/usr/bin/env python3
"""PyTorch mirrors of Rankforge's DJL models, for side-by-side training throughput.

Same shapes, same layers, same objective and optimizer (AdamW, gradient clipping by global norm 5) as ranking-core's NARM, SASRec and
BERT4Rec at the paper's ML-1M settings. Prints one JSON object: {"model", "torch_seq_per_s", ...}.
Debian's python3-torch (1.13) is enough; no download happens.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

MASKED = -1e9


class Narm(nn.Module):
    def __init__(self, items, emb=64, hidden=128):
        super().__init__()
        self.table = nn.Parameter(torch.randn(items + 1, emb) * 0.05)
        self.emb_drop = nn.Dropout(0.25)
        self.gru = nn.GRU(emb, hidden, batch_first=True)
        self.a1 = nn.Linear(hidden, hidden, bias=False)
        self.a2 = nn.Linear(hidden, hidden, bias=False)
        self.v = nn.Linear(hidden, 1, bias=False)
        self.ctx_drop = nn.Dropout(0.5)
        self.bilinear = nn.Linear(2 * hidden, emb, bias=False)

    def forward(self, ids):
        x = self.emb_drop(F.embedding(ids, self.table))
        states, _ = self.gru(x)
        last = states[:, -1:, :]
        alpha = self.v(torch.sigmoid(self.a1(states) + self.a2(last)))
        local = (alpha * (ids > 0).float().unsqueeze(2) * states).sum(1, keepdim=True)
        return self.bilinear(self.ctx_drop(torch.cat([last, local], 2)))


class Attention(nn.Module):
    def __init__(self, width, heads, dropout, causal):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(width, width) for _ in range(4))
        self.heads, self.causal, self.drop = heads, causal, nn.Dropout(dropout)

    def forward(self, x, key_mask):
        b, t, w = x.shape
        d = w // self.heads
        split = lambda y: y.reshape(b, t, self.heads, d).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        scores = q @ k.transpose(2, 3) / math.sqrt(d)
        scores = scores + ((key_mask - 1) * -MASKED).unsqueeze(1).unsqueeze(1)
        if self.causal:
            scores = scores + torch.triu(torch.full((t, t), MASKED), 1)
        out = self.drop(scores.softmax(-1)) @ v
        return self.o(out.transpose(1, 2).reshape(b, t, w))


class Layer(nn.Module):
    def __init__(self, width, heads, dropout, causal):
        super().__init__()
        self.att = Attention(width, heads, dropout, causal)
        self.d1, self.d2 = nn.Dropout(dropout), nn.Dropout(dropout)
        self.n1, self.n2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.f1, self.f2 = nn.Linear(width, 4 * width), nn.Linear(4 * width, width)

    def forward(self, x, key_mask):
        x = self.n1(x + self.d1(self.att(x, key_mask)))
        x = self.n2(x + self.d2(self.f2(F.gelu(self.f1(x)))))
        return x * key_mask.unsqueeze(2)


class Transformer(nn.Module):
    def __init__(self, items, extra, causal, scale, emb=64, layers=2, heads=2, dropout=0.1, max_len=200):
        super().__init__()
        self.table = nn.Parameter(torch.randn(items + 1 + extra, emb) * 0.05)
        self.pos = nn.Parameter(torch.randn(max_len, emb) * 0.02)
        self.norm, self.drop = nn.LayerNorm(emb), nn.Dropout(dropout)
        self.layers = nn.ModuleList(Layer(emb, heads, dropout, causal) for _ in range(layers))
        self.scale = math.sqrt(emb) if scale else 1.0

    def forward(self, ids):
        t = ids.shape[1]
        x = F.embedding(ids, self.table) * self.scale + self.pos[:t].unsqueeze(0)
        x = self.drop(self.norm(x))
        key_mask = (ids > 0).float()
        for layer in self.layers:
            x = layer(x, key_mask)
        return x


def full_ce(reps, table, targets, items):
    logits = reps @ table.t()
    excluded = torch.zeros(logits.shape[-1])
    excluded[0] = MASKED
    excluded[items + 1:] = MASKED
    logp = (logits + excluded).log_softmax(-1)
    picked = logp.gather(-1, targets.unsqueeze(-1)).squeeze(-1)
    mask = (targets > 0).float()
    return -(picked * mask).sum() / mask.sum().clamp(min=1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True, choices=["narm", "sasrec", "bert4rec"])
    p.add_argument("--items", type=int, default=3416)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--length", type=int, default=200)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    b, t, n = a.batch, a.length, a.items
    if a.model == "narm":
        model = Narm(n)
    else:
        model = Transformer(n, 1 if a.model == "bert4rec" else 0, a.model == "sasrec", a.model == "sasrec")
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.0)
    model.train()

    def step():
        ids = torch.randint(1, n + 1, (b, t))
        if a.model == "narm":
            loss = full_ce(model(ids), model.table, torch.randint(1, n + 1, (b, 1)), n)
        elif a.model == "sasrec":
            reps = model(ids)
            pos = (F.embedding(torch.randint(1, n + 1, (b, t)), model.table) * reps).sum(2)
            neg = (F.embedding(torch.randint(1, n + 1, (b, t)), model.table) * reps).sum(2)
            loss = (F.binary_cross_entropy_with_logits(pos, torch.ones_like(pos))
                    + F.binary_cross_entropy_with_logits(neg, torch.zeros_like(neg))) / 2
        else:
            masked = torch.rand(b, t) < 0.2
            targets = torch.where(masked, ids, torch.zeros_like(ids))
            inputs = torch.where(masked, torch.full_like(ids, n + 1), ids)
            loss = full_ce(model(inputs), model.table, targets, n)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()

    for _ in range(a.warmup):
        step()
    start = time.perf_counter()
    for _ in range(a.steps):
        step()
    seconds = time.perf_counter() - start
    print(json.dumps({"model": a.model, "torch_version": torch.__version__, "threads": a.threads,
                      "steps": a.steps, "seconds": seconds, "torch_seq_per_s": b * a.steps / seconds}))


if __name__ == "__main__":
    main()
