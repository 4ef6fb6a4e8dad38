#!/usr/bin/env python3
"""Reliability runs of Stuurwiel against PostgreSQL: crash (kill -9 during a run) and cluster
(two nodes on one database). Python 3 standard library plus `psql`; started by bench/crashtest
and bench/cluster, which build the jar and create a fresh database first.

The driver walks opdrachten through the lifecycle over the REST API the way users do: the
requester posts to /api/opdrachten, intake, MT and the team complete their tasks through
/engine-rest/task/{id}/complete with the variables of the forms. Review timers are made due
through /engine-rest/job/{id}/duedate and fired by the job executor. Every step re-reads the
state from the server first, so a request lost in a crash is simply looked at again: a task that
is gone was completed, an opdracht is found back by its unique title before it is requested again.
"""

import argparse
import base64
import datetime as dt
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PROCES = "opdracht-levenscyclus"
WACHTWOORD = "demo"  # demo profile users; the database is a throwaway one
TEAMS = [("WIJK", "tim", "D-ARMOEDE"), ("ONDERWIJS", "olga", "D-VSV"), ("WERK", "erik", "D-WERK"),
         ("FYSIEK", "fenna", "D-GROEN")]
REVIEWTIMER = "job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'Timer_Reviewcyclus')"
EINDFASEN = {"AFGEROND", "GESTOPT", "AFGEWEZEN"}


def log(*tekst):
    print(time.strftime("%H:%M:%S"), *tekst, flush=True)


class Onbereikbaar(Exception):
    """The node did not answer (down, restarting, or the connection broke mid-request)."""


# ---- HTTP ------------------------------------------------------------------------------------

class Api:
    def __init__(self, poorten):
        self.poorten = list(poorten)
        self.teller = 0
        self.slot = threading.Lock()
        self.per_poort = {p: 0 for p in self.poorten}

    def _poort(self, poort):
        if poort is not None:
            return poort
        with self.slot:  # alternate between the nodes
            self.teller += 1
            return self.poorten[self.teller % len(self.poorten)]

    def vraag(self, methode, pad, gebruiker="admin", body=None, poort=None, timeout=30):
        poort = self._poort(poort)
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{poort}{pad}", data=data, method=methode)
        req.add_header("Authorization", "Basic " + base64.b64encode(f"{gebruiker}:{WACHTWOORD}".encode()).decode())
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as antwoord:
                tekst = antwoord.read().decode()
                with self.slot:
                    self.per_poort[poort] += 1
                return antwoord.status, (json.loads(tekst) if tekst else None)
        except urllib.error.HTTPError as fout:
            try:
                tekst = fout.read().decode(errors="replace")
            except (http.client.HTTPException, OSError) as afgebroken:
                raise Onbereikbaar(f"{methode} {pad} -> {fout.code}, answer cut off: {type(afgebroken).__name__}: {afgebroken}")
            if fout.code >= 500:
                raise Onbereikbaar(f"{methode} {pad} -> {fout.code} {tekst[:200]}")
            try:
                return fout.code, json.loads(tekst)
            except ValueError:
                return fout.code, tekst
        except (urllib.error.URLError, http.client.HTTPException, OSError) as fout:
            # HTTPException: the node died while sending its answer (IncompleteRead, BadStatusLine).
            raise Onbereikbaar(f"{methode} {pad}: {type(fout).__name__}: {fout}")


def iso_nu():
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def var(waarde):
    return {"value": waarde}


# ---- the application -------------------------------------------------------------------------

class Node:
    def __init__(self, naam, jar, poort, db_url, logmap, extra):
        self.naam, self.jar, self.poort, self.db_url, self.extra = naam, jar, poort, db_url, extra
        self.logpad = os.path.join(logmap, f"{naam}.log")
        self.proces = None
        self.starts = 0

    def start(self):
        self.starts += 1
        omgeving = dict(os.environ, STUURWIEL_DB_URL=self.db_url,
                        STUURWIEL_DB_USER=os.environ.get("PGUSER", "postgres"),
                        STUURWIEL_DB_PASSWORD=os.environ.get("PGPASSWORD", ""),
                        STUURWIEL_DB_POOL="12")
        uitvoer = open(self.logpad, "a")
        uitvoer.write(f"\n===== start {self.starts} {time.ctime()} =====\n")
        uitvoer.flush()
        self.proces = subprocess.Popen(
            ["java", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", self.jar,
             "--spring.profiles.active=postgres,demo", f"--server.port={self.poort}",
             f"--camunda.bpm.job-execution.lock-time-in-millis={self.extra.get('lock_ms', 300000)}",
             "--camunda.bpm.job-execution.wait-time-in-millis=1000",
             "--camunda.bpm.job-execution.max-wait=2000",
             f"--camunda.bpm.generic-properties.properties.hostname={self.naam}",
             "--logging.level.root=WARN", "--logging.level.nl.stuurwiel=INFO",
             "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"],
            stdout=uitvoer, stderr=subprocess.STDOUT, env=omgeving, start_new_session=True)
        with open(self.logpad[:-4] + ".pid", "w") as f:  # for the wrapper's trap
            f.write(str(self.proces.pid))
        return self

    def wacht_tot_klaar(self, api, timeout=240):
        eind = time.time() + timeout
        while time.time() < eind:
            if self.proces.poll() is not None:
                raise RuntimeError(f"{self.naam} stopped at startup, see {self.logpad}")
            try:
                status, _ = api.vraag("GET", "/api/teams", poort=self.poort, timeout=5)
                if status == 200 and self._demo_klaar():
                    return
            except Onbereikbaar:
                pass
            time.sleep(1)
        raise RuntimeError(f"{self.naam} not up within {timeout}s, see {self.logpad}")

    def _demo_klaar(self):
        # The demo portfolio is written after startup; a node that finds data skips it.
        with open(self.logpad, errors="replace") as f:
            tekst = f.read().split(f"===== start {self.starts} ")[-1]
        gestart = "Started StuurwielApplication" in tekst
        return "Demo: klaar" in tekst or "Demo: de database heeft al opdrachten" in tekst or (gestart and (self.starts > 1 or self.extra.get("geen_demo_wachten")))

    def kill9(self):
        if self.proces and self.proces.poll() is None:
            os.kill(self.proces.pid, signal.SIGKILL)
            self.proces.wait()

    def stop(self):
        if self.proces and self.proces.poll() is None:
            os.kill(self.proces.pid, signal.SIGTERM)
            try:
                self.proces.wait(20)
            except subprocess.TimeoutExpired:
                self.kill9()


def psql(db, sql):
    uit = subprocess.run(["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-U",
                          os.environ.get("PGUSER", "postgres"), "-d", db, "-AtF", "|", "-v", "ON_ERROR_STOP=1",
                          "-c", sql], capture_output=True, text=True, check=True)
    return [regel.split("|") for regel in uit.stdout.splitlines() if regel]


# ---- the lifecycle driver --------------------------------------------------------------------

class Plan:
    """What happens to opdracht i; a mix of every main path."""

    def __init__(self, i, run):
        self.i = i
        self.titel = f"Betrouwbaarheid {run} nr {i:05d}"
        self.team, self.lid, self.doel = TEAMS[i % len(TEAMS)]
        self.intake = "afwijzen" if i % 10 == 9 else "accepteren"
        self.parkeren = i % 8 == 5
        self.review = "bijsturen" if i % 5 == 1 else "stoppen" if i % 7 == 3 else "doorgaan"


class Driver:
    def __init__(self, api, run, stats):
        self.api, self.run, self.stats = api, run, stats

    def tel(self, naam, n=1):
        with self.stats["slot"]:
            self.stats[naam] = self.stats.get(naam, 0) + n

    def opnieuw(self, stap, *args, pogingen=400):
        """Runs a step until the node answers; a crash makes requests fail for a while."""
        for _ in range(pogingen):
            try:
                return stap(*args)
            except Onbereikbaar as fout:
                self.tel("requests failed (node down or 5xx), retried")
                if "opnieuw_log" not in self.stats:
                    self.stats["opnieuw_log"] = str(fout)[:300]
                time.sleep(0.5 + random.random())
        raise RuntimeError(f"step {stap.__name__} kept failing")

    def zoek(self, plan):
        q = urllib.parse.quote(plan.titel)
        status, pagina = self.api.vraag("GET", f"/api/opdrachten?zoek={q}&grootte=5")
        if status != 200:
            raise RuntimeError(f"zoek -> {status} {pagina}")
        treffers = [o for o in pagina["inhoud"] if o["titel"] == plan.titel]
        if len(treffers) > 1:
            self.tel("DUPLICATE REQUESTS")
        return treffers[0]["sleutel"] if treffers else None

    def vraag_aan(self, plan):
        sleutel = self.zoek(plan)  # re-read first: a request lost in a crash may have committed
        if sleutel:
            self.tel("requests found back (committed, answer lost in the crash)")
            return sleutel
        vandaag = dt.date.today()
        status, detail = self.api.vraag("POST", "/api/opdrachten", plan.lid, {
            "titel": plan.titel, "vraagstuk": "Te veel uitval", "verwachtResultaat": "Minder uitval",
            "beleidstheorie": "Vroeg erbij zijn helpt", "type": "interventie", "domein": "sociaal",
            "gebied": "Noord", "opdrachtgever": "Wethouder", "team": plan.team, "doelen": [plan.doel],
            "budget": 50000, "fte": 0.1, "startdatum": vandaag.isoformat(),
            "einddatum": (vandaag + dt.timedelta(days=365)).isoformat(), "reviewFrequentie": "kwartaal"})
        if status != 201:
            raise RuntimeError(f"aanvragen -> {status} {detail}")
        self.tel("opdrachten requested")
        return detail["sleutel"]

    def toestand(self, sleutel):
        status, detail = self.api.vraag("GET", f"/api/opdrachten/{sleutel}")
        if status != 200:
            raise RuntimeError(f"detail {sleutel} -> {status}")
        status, taken = self.api.vraag("GET", "/engine-rest/task?processInstanceBusinessKey="
                                       + urllib.parse.quote(sleutel))
        return detail, taken

    def rond_af(self, taak, gebruiker, variabelen):
        status, antwoord = self.api.vraag("POST", f"/engine-rest/task/{taak['id']}/complete", gebruiker,
                                          {"variables": {k: var(v) for k, v in variabelen.items()}})
        if status == 204:
            self.tel("tasks completed")
        elif status == 404:
            self.tel("task already gone on completion (the cut-off request had committed)")
        else:
            raise RuntimeError(f"complete {taak['taskDefinitionKey']} as {gebruiker} -> {status} {antwoord}")

    def maak_timer_vervallen(self, detail, activiteit):
        status, jobs = self.api.vraag("GET", f"/engine-rest/job?processInstanceId={detail['procesInstantie']}"
                                      f"&activityId={activiteit}")
        for job in jobs or []:
            if job["retries"] > 0 and not job.get("suspended"):
                self.api.vraag("PUT", f"/engine-rest/job/{job['id']}/duedate", body={"duedate": iso_nu()})
                self.tel(f"timers made due ({activiteit})")
        return bool(jobs)

    def stap(self, plan, sleutel):
        """One step forward; returns False once the process has ended."""
        detail, taken = self.toestand(sleutel)
        if detail["fase"].upper() in EINDFASEN and not taken:
            return False
        open_ = {t["taskDefinitionKey"]: t for t in taken}
        rapportages = detail.get("rapportages") or []
        if "UserTask_BeoordeelIntake" in open_:
            self.rond_af(open_["UserTask_BeoordeelIntake"], "intake", {
                "intakeBesluit": plan.intake, "intakeToelichting": "Gezien", "urgentie": "hoog",
                "risico": "midden"})
        elif "UserTask_MtBesluit" in open_:
            parkeer = plan.parkeren and not self._ooit_geparkeerd(detail)
            self.rond_af(open_["UserTask_MtBesluit"], "mt", {"mtBesluit": "parkeren" if parkeer else "starten",
                                                             "mtToelichting": "Besproken"})
        elif "UserTask_VoortgangRapporteren" in open_:
            self.rond_af(open_["UserTask_VoortgangRapporteren"], plan.lid, {
                # The team's own colour with its reason: valid whatever status-kleur.dmn computes
                # from the demo doel's indicators.
                "statusKleur": "groen", "kleurToelichting": "Het team ziet het zo", "voortgang": "Op schema",
                "besteedBudget": 1000, "voorstel": plan.review})
        elif "UserTask_ReviewBeoordelen" in open_:
            self.rond_af(open_["UserTask_ReviewBeoordelen"], "mt", {"reviewBesluit": plan.review,
                                                                    "reviewToelichting": "Akkoord"})
        elif "UserTask_BijstellingOpstellen" in open_:
            self.rond_af(open_["UserTask_BijstellingOpstellen"], plan.lid, {
                "bijstellingReden": "Meer scholen", "nieuwBudget": 60000, "nieuweScope": "Ook klas 2"})
        elif "UserTask_BijstellingBeoordelen" in open_:
            self.rond_af(open_["UserTask_BijstellingBeoordelen"], "mt", {"bijstellingBesluit": "goedkeuren",
                                                                        "bijstellingToelichting": "Akkoord"})
        elif "UserTask_EinddatumVerstreken" in open_:
            self.rond_af(open_["UserTask_EinddatumVerstreken"], "mt", {"einddatumBesluit": "afsluiten"})
        elif "UserTask_Eindevaluatie" in open_:
            self.rond_af(open_["UserTask_Eindevaluatie"], plan.lid, {
                "doelenBereikt": "ja", "impact": "Minder uitval", "lessen": "Vroeg beginnen"})
        elif "UserTask_Uitvoeren" in open_:
            if any(r.get("besluit") for r in rapportages):
                self.rond_af(open_["UserTask_Uitvoeren"], plan.lid, {"uitvoeringGereed": True})
            elif not rapportages:
                if not self.stats.get("review_vervroegd", {}).get(sleutel):
                    if self.maak_timer_vervallen(detail, "Timer_Reviewcyclus"):
                        self.stats.setdefault("review_vervroegd", {})[sleutel] = time.time()
                time.sleep(1)  # the job executor fires it
                vervroegd = self.stats.get("review_vervroegd", {}).get(sleutel, time.time())
                if time.time() - vervroegd > 30:  # e.g. the node was killed holding the job
                    self.stats["review_vervroegd"].pop(sleutel, None)
            else:
                time.sleep(0.5)
        elif detail["fase"].upper() == "GEPARKEERD":
            self.maak_timer_vervallen(detail, "Timer_VolgendPortfolioOverleg")
            time.sleep(1)
        else:
            time.sleep(0.5)  # between two states (a job runs), look again
        return True

    @staticmethod
    def _ooit_geparkeerd(detail):
        return any("parkeren" in json.dumps(s).lower() for s in detail.get("geschiedenis", []))

    def doorloop(self, plan, deadline):
        sleutel = self.opnieuw(self.vraag_aan, plan)
        while time.time() < deadline:
            if not self.opnieuw(self.stap, plan, sleutel):
                self.tel("opdrachten driven to the end")
                return sleutel
        self.tel("opdrachten NOT finished in time")
        return sleutel


def drijf(api, aantal, clients, run, stats, deadline):
    driver = Driver(api, run, stats)
    fouten = []

    def een(i):
        try:
            return driver.doorloop(Plan(i, run), deadline)
        except Exception as fout:  # report, do not hide
            fouten.append(f"opdracht {i}: {fout}")
            driver.tel("opdrachten with an error in the driver")
            return None

    with ThreadPoolExecutor(clients) as pool:
        sleutels = list(pool.map(een, range(aantal)))
    return [s for s in sleutels if s], fouten


# ---- consistency check -----------------------------------------------------------------------

VERWACHTE_TAKEN = {
    "INTAKE": [{"UserTask_BeoordeelIntake"}],
    "AANVULLEN": [{"UserTask_AanvraagAanvullen"}],
    "PRIORITERING": [{"UserTask_MtBesluit"}],
    "GEPARKEERD": [set()],
    "UITVOERING": [{"UserTask_Uitvoeren"}, {"UserTask_EinddatumVerstreken"}],
    "REVIEW": [{"UserTask_VoortgangRapporteren"}, {"UserTask_ReviewBeoordelen"}],
    "BIJSTELLING": [{"UserTask_BijstellingOpstellen"}, {"UserTask_BijstellingBeoordelen"}],
    "AFSLUITING": [{"UserTask_Eindevaluatie"}],
}
MET_UITVOEREN = {"UITVOERING", "REVIEW", "BIJSTELLING"}


def controleer(db, lock_ms):
    """Every opdracht in exactly one consistent state. Returns (counts, problems)."""
    tellingen, problemen = {}, []
    opdrachten = {s: (f, i) for s, f, i in psql(db, "select sleutel, fase, id from opdracht")}
    instanties = {}
    for bk, pid, geeindigd in psql(db, "select business_key_, id_, (end_time_ is not null)::int from act_hi_procinst"
                                       f" where proc_def_key_ = '{PROCES}'"):
        instanties.setdefault(bk, []).append((pid, geeindigd == "1"))
    taken = {}
    for pid, sleutel in psql(db, "select proc_inst_id_, task_def_key_ from act_ru_task"):
        taken.setdefault(pid, []).append(sleutel)
    timers = {}
    for pid, act in psql(db, "select j.process_instance_id_, d.act_id_ from act_ru_job j"
                                   " join act_ru_jobdef d on d.id_ = j.job_def_id_"):
        timers.setdefault(pid, set()).add(act)
    rapportages = dict(psql(db, "select o.sleutel, count(*) from voortgangsrapportage r join opdracht o"
                                " on o.id = r.opdracht_id group by o.sleutel"))
    bijstellingen = dict(psql(db, "select o.sleutel, count(*) from bijstelling b join opdracht o"
                                  " on o.id = b.opdracht_id group by o.sleutel"))
    rapportage_stappen = dict(psql(db, "select proc_inst_id_, count(*) from act_hi_actinst where act_id_ ="
                                       " 'UserTask_VoortgangRapporteren' group by proc_inst_id_"))
    bijstelling_stappen = dict(psql(db, "select proc_inst_id_, count(*) from act_hi_actinst where act_id_ in"
                                        " ('ServiceTask_BijstellingVoorstellen', 'ServiceTask_EinddatumVerlengen')"
                                        " and end_time_ is not null group by proc_inst_id_"))
    dubbel_nummer = psql(db, "select count(*) from (select opdracht_id, volgnummer from voortgangsrapportage group by"
                             " opdracht_id, volgnummer having count(*) > 1) d")[0][0]
    dubbel_nummer_b = psql(db, "select count(*) from (select opdracht_id, volgnummer from bijstelling group by"
                               " opdracht_id, volgnummer having count(*) > 1) d")[0][0]

    per_fase = {}
    for sleutel, (fase, _) in opdrachten.items():
        per_fase[fase] = per_fase.get(fase, 0) + 1
        pis = instanties.get(sleutel, [])
        if len(pis) != 1:
            problemen.append(f"{sleutel}: {len(pis)} process instances")
            continue
        pid, geeindigd = pis[0]
        open_taken = taken.get(pid, [])
        if fase in EINDFASEN:
            if not geeindigd or open_taken:
                problemen.append(f"{sleutel}: phase {fase} but its process still runs ({open_taken})")
        elif geeindigd:
            problemen.append(f"{sleutel}: phase {fase} but its process has ended")
        else:
            rest = set(open_taken) - ({"UserTask_Uitvoeren"} if fase in MET_UITVOEREN else set())
            if len(open_taken) != len(set(open_taken)):
                problemen.append(f"{sleutel}: duplicate open tasks {open_taken}")
            if rest not in VERWACHTE_TAKEN.get(fase, []) and not (fase == "UITVOERING" and not rest
                                                                   and "UserTask_Uitvoeren" in open_taken):
                problemen.append(f"{sleutel}: phase {fase} with open tasks {sorted(open_taken)}")
            if fase == "GEPARKEERD" and "Timer_VolgendPortfolioOverleg" not in timers.get(pid, set()):
                problemen.append(f"{sleutel}: parked without its portfolio-meeting timer")
            if fase in MET_UITVOEREN and "Timer_Reviewcyclus" not in timers.get(pid, set()) \
                    and "UserTask_EinddatumVerstreken" not in open_taken:
                problemen.append(f"{sleutel}: running without its review timer")
        if int(rapportages.get(sleutel, 0)) != int(rapportage_stappen.get(pid, 0)):
            problemen.append(f"{sleutel}: {rapportages.get(sleutel, 0)} progress reports for "
                             f"{rapportage_stappen.get(pid, 0)} report tasks")
        if int(bijstellingen.get(sleutel, 0)) != int(bijstelling_stappen.get(pid, 0)):
            problemen.append(f"{sleutel}: {bijstellingen.get(sleutel, 0)} adjustments for "
                             f"{bijstelling_stappen.get(pid, 0)} proposal steps")
    zonder_opdracht = [bk for bk in instanties if bk not in opdrachten]
    for bk in zonder_opdracht:
        problemen.append(f"process instance(s) {instanties[bk]} with business key {bk} but no opdracht")

    jobs = psql(db, "select j.id_, j.retries_, coalesce(j.lock_owner_, ''),"
                    " coalesce(extract(epoch from (now() - j.lock_exp_time_))::bigint, -1),"
                    " (exists (select 1 from act_ru_incident i where i.configuration_ = j.id_))::int,"
                    " (j.duedate_ < now() - interval '2 minutes')::int, j.suspension_state_"
                    " from act_ru_job j")
    vast_zonder_incident = [j for j in jobs if j[1] == "0" and j[4] == "0"]
    dood_gelockt = [j for j in jobs if j[2] and int(j[3]) > 0]
    achterstallig = [j for j in jobs if j[5] == "1" and j[1] != "0" and not j[2] and j[6] == "1"]
    for j in vast_zonder_incident:
        problemen.append(f"job {j[0]} without retries and without incident")
    for j in dood_gelockt:
        problemen.append(f"job {j[0]} locked by {j[2]}, lock expired {j[3]} s ago")
    for j in achterstallig:
        problemen.append(f"job {j[0]} due for more than 2 minutes and not executed")
    incidenten = psql(db, "select incident_type_, coalesce(incident_msg_, '') from act_ru_incident")
    for soort, melding in incidenten:
        problemen.append(f"incident {soort}: {melding[:200]}")

    tellingen.update({
        "opdrachten": len(opdrachten),
        "per phase": ", ".join(f"{f.lower()} {n}" for f, n in sorted(per_fase.items())),
        "opdrachten without a process or with several": sum(1 for s in opdrachten if len(instanties.get(s, [])) != 1),
        "process instances without an opdracht": len(zonder_opdracht),
        "voortgangsrapportages (reports)": sum(int(v) for v in rapportages.values()),
        "bijstellingen (adjustments)": sum(int(v) for v in bijstellingen.values()),
        "duplicate report/adjustment numbers": int(dubbel_nummer) + int(dubbel_nummer_b),
        "jobs": len(jobs),
        "jobs without retries and without incident": len(vast_zonder_incident),
        "jobs still locked by a dead node (lock expired)": len(dood_gelockt),
        "jobs overdue by more than 2 minutes": len(achterstallig),
        "open incidents": len(incidenten),
        "inconsistencies": len(problemen),
    })
    return tellingen, problemen


def druk_af(titel, tellingen):
    print(f"\n{titel}")
    breedte = max(len(k) for k in tellingen)
    for k, v in tellingen.items():
        print(f"  {k.ljust(breedte)}  {v}")
    sys.stdout.flush()


# ---- crash -----------------------------------------------------------------------------------

def crash(args):
    run = time.strftime("%H%M%S")
    api = Api([args.poort])
    node = Node("crash", args.jar, args.poort, args.db_url, args.logmap, {"lock_ms": args.lock_ms})
    stats = {"slot": threading.Lock()}
    try:
        log(f"start {node.naam} on port {args.poort}; log {node.logpad}")
        node.start().wacht_tot_klaar(api)
        log("up; driving", args.opdrachten, "opdrachten with", args.clients, "clients")
        deadline = time.time() + args.max_seconden
        resultaat = {}
        werker = threading.Thread(target=lambda: resultaat.update(
            zip(("sleutels", "fouten"), drijf(api, args.opdrachten, args.clients, run, stats, deadline))))
        t0 = time.time()
        werker.start()
        hersteltijden = []
        for k in range(args.kills):
            wacht = random.uniform(args.min_interval, args.max_interval)
            werker.join(wacht)
            if not werker.is_alive():
                log("run finished before kill", k + 1)
                break
            node.kill9()
            gelockt = int(psql(args.db, "select count(*) from act_ru_job where lock_owner_ is not null")[0][0])
            stats["jobs locked by the killed node"] = stats.get("jobs locked by the killed node", 0) + gelockt
            log(f"kill -9 #{k + 1} after {time.time() - t0:.0f} s ({gelockt} jobs locked by it)")
            time.sleep(random.uniform(0, 3))
            herstart = time.time()
            node.start().wacht_tot_klaar(api)
            hersteltijden.append(time.time() - herstart)
            log(f"restarted in {hersteltijden[-1]:.0f} s")
        werker.join()
        duur = time.time() - t0
        log(f"driver done in {duur:.0f} s; waiting {args.lock_ms / 1000 + 10:.0f} s for locks of killed runs to expire")
        time.sleep(args.lock_ms / 1000 + 10)
        tellingen, problemen = controleer(args.db, args.lock_ms)
        uitkomst = {
            "opdrachten driven": args.opdrachten,
            "clients": args.clients,
            "kill -9": len(hersteltijden),
            "restart (s, each)": ", ".join(f"{t:.0f}" for t in hersteltijden),
            "duration of the run (s)": f"{duur:.0f}",
        }
        uitkomst.update({k: v for k, v in stats.items() if k not in ("slot", "review_vervroegd", "opnieuw_log")})
        if "opnieuw_log" in stats:
            uitkomst["first failed request"] = stats["opnieuw_log"]
        druk_af("Crash run", uitkomst)
        druk_af("Consistency after the run", tellingen)
        for p in problemen[:50]:
            print("  !", p)
        for f in resultaat.get("fouten", [])[:20]:
            print("  driver:", f)
        return 0 if not problemen and not resultaat.get("fouten") else 1
    finally:
        node.stop()


# ---- cluster ---------------------------------------------------------------------------------

def cluster(args):
    run = time.strftime("%H%M%S")
    p1, p2 = args.poort, args.poort + 1
    api = Api([p1, p2])
    extra = {"lock_ms": args.lock_ms}
    n1 = Node("node1", args.jar, p1, args.db_url, args.logmap, extra)
    n2 = Node("node2", args.jar, p2, args.db_url, args.logmap, dict(extra, geen_demo_wachten=True))
    stats = {"slot": threading.Lock()}
    driver = Driver(api, run, stats)
    problemen = []
    try:
        if args.gelijk_starten:
            # On an empty database: the nodes take turns starting (system/OpstartSlot).
            log("start node1 and node2 at the same moment")
            n1.start()
            n2.start()
            n1.wacht_tot_klaar(api)
            n2.wacht_tot_klaar(api)
        else:
            # The first node creates the schema and deploys; the second finds both in place.
            log("start node1 on the empty database, then node2")
            n1.start().wacht_tot_klaar(api)
            n2.start().wacht_tot_klaar(api)
        deployments = psql(args.db, "select count(*), count(distinct name_) from act_re_deployment")[0]
        definities = psql(args.db, f"select count(*) from act_re_procdef where key_ = '{PROCES}'")[0][0]
        log(f"both up; deployments {deployments[0]} (names {deployments[1]}), versions of {PROCES}: {definities}")

        # Many opdrachten into execution, requests alternating between the nodes.
        plannen = [Plan(i, run) for i in range(args.opdrachten)]
        for p in plannen:
            p.intake, p.parkeren, p.review = "accepteren", False, "doorgaan"

        def tot_uitvoering(plan):
            sleutel = driver.opnieuw(driver.vraag_aan, plan)
            while True:
                detail, taken = driver.opnieuw(driver.toestand, sleutel)
                open_ = {t["taskDefinitionKey"] for t in taken}
                if "UserTask_Uitvoeren" in open_:
                    return sleutel, detail["procesInstantie"]
                driver.opnieuw(driver.stap, plan, sleutel)

        t0 = time.time()
        with ThreadPoolExecutor(args.clients) as pool:
            lopend = list(pool.map(tot_uitvoering, plannen))
        log(f"{len(lopend)} opdrachten in execution after {time.time() - t0:.0f} s;"
            f" requests per node {api.per_poort}")

        def reviews_tegelijk_vervallen(processen):
            ids = "','".join(pid for _, pid in processen)
            jobs = psql(args.db, f"select id_ from act_ru_job where {REVIEWTIMER}"
                                 f" and process_instance_id_ in ('{ids}')")
            # One UPDATE: every review comes due at the same moment on both nodes.
            psql(args.db, f"update act_ru_job set duedate_ = now() where {REVIEWTIMER}"
                          f" and process_instance_id_ in ('{ids}')")
            return len(jobs)

        def wacht_op_reviews(processen, timeout):
            ids = "','".join(pid for _, pid in processen)
            eind = time.time() + timeout
            while time.time() < eind:
                n = int(psql(args.db, f"select count(*) from act_ru_task where task_def_key_ ="
                                      f" 'UserTask_VoortgangRapporteren' and proc_inst_id_ in ('{ids}')")[0][0])
                if n >= len(processen):
                    break
                time.sleep(1)
            time.sleep(5)  # a duplicate would show up now

        def tel_reviews(processen):
            ids = "','".join(pid for _, pid in processen)
            sleutels = "','".join(s for s, _ in processen)
            taken = psql(args.db, f"select proc_inst_id_, count(*) from act_ru_task where task_def_key_ ="
                                  f" 'UserTask_VoortgangRapporteren' and proc_inst_id_ in ('{ids}') group by 1")
            rapp = psql(args.db, f"select o.sleutel, count(*) from voortgangsrapportage r join opdracht o on"
                                 f" o.id = r.opdracht_id where o.sleutel in ('{sleutels}') group by 1")
            vuren = psql(args.db, f"select count(*) from act_hi_actinst where act_id_ = 'Timer_Reviewcyclus' and"
                                  f" proc_inst_id_ in ('{ids}')")[0][0]
            per_host = psql(args.db, f"select hostname_, count(*) from act_hi_job_log where act_id_ ="
                                     f" 'Timer_Reviewcyclus' and job_state_ = 2 and process_instance_id_ in ('{ids}')"
                                     f" group by 1 order by 1")
            per_taak = [int(c) for _, c in taken]
            per_rapp = [int(c) for _, c in rapp]
            return {
                "opdrachten": len(processen),
                "review fired (timer activity instances)": int(vuren),
                "with exactly one report task": sum(1 for c in per_taak if c == 1),
                "with more than one report task": sum(1 for c in per_taak if c > 1),
                "without a report task": len(processen) - len(per_taak),
                "with exactly one voortgangsrapportage": sum(1 for c in per_rapp if c == 1),
                "with more than one voortgangsrapportage": sum(1 for c in per_rapp if c > 1),
                "review jobs executed per node": ", ".join(f"{h} {c}" for h, c in per_host),
            }

        helft = len(lopend) // 2
        eerste, tweede = lopend[:helft], lopend[helft:]

        n = reviews_tegelijk_vervallen(eerste)
        t1 = time.time()
        wacht_op_reviews(eerste, 120)
        tellingen = tel_reviews(eerste)
        tellingen["time until all review tasks exist (s)"] = f"{time.time() - t1 - 5:.1f}"
        tellingen["jobs made due at once"] = n
        druk_af("Both nodes up: reviews due at the same moment", tellingen)
        check_exact(tellingen, problemen, "both nodes")

        log("kill -9 node1")
        n1.kill9()
        n = reviews_tegelijk_vervallen(tweede)
        t1 = time.time()
        wacht_op_reviews(tweede, 120)
        tellingen = tel_reviews(tweede)
        tellingen["time until all review tasks exist (s)"] = f"{time.time() - t1 - 5:.1f}"
        tellingen["jobs made due at once"] = n
        # Requests go to node2 only now; finish every opdracht through it.
        api2 = Api([p2])
        driver2 = Driver(api2, run, stats)

        verzoeken_voor = api2.per_poort[p2]
        klaar = 0
        deadline = time.time() + args.max_seconden
        sleutel_plan = dict(zip((s for s, _ in lopend), plannen))
        with ThreadPoolExecutor(args.clients) as pool:
            def rond(s):
                plan = sleutel_plan[s]
                while time.time() < deadline:
                    if not driver2.opnieuw(driver2.stap, plan, s):
                        return True
                return False
            klaar = sum(1 for ok in pool.map(rond, [s for s, _ in lopend]) if ok)
        tellingen["requests served by node2 alone"] = api2.per_poort[p2] - verzoeken_voor
        tellingen["opdrachten finished through node2 alone"] = f"{klaar} of {len(lopend)}"
        druk_af("node1 killed: node2 carries on", tellingen)
        check_exact(tellingen, problemen, "node2 alone")
        if klaar != len(lopend):
            problemen.append(f"only {klaar} of {len(lopend)} finished on node2")

        log("restart node1 (it rejoins the cluster)")
        n1.start().wacht_tot_klaar(api)
        status, _ = api.vraag("GET", "/api/teams", poort=p1)
        na_herstart = psql(args.db, "select count(*) from act_re_deployment")[0][0]
        wacht = max(0, args.lock_ms / 1000 + 5 - (time.time() - t1))
        log(f"node1 answers {status}; waiting {wacht:.0f} s more so that jobs node1 held are taken over")
        time.sleep(wacht)
        c, p = controleer(args.db, args.lock_ms)
        c["deployments of the models"] = (f"{deployments[0]} after both nodes started, {na_herstart} after"
                                          f" node1 restarted")
        if deployments[0] != "1" or na_herstart != "1":
            p.append("the models were deployed more than once")
        c["requests per node (phase 1)"] = str(api.per_poort)
        druk_af("Consistency after the cluster run", c)
        problemen += p
        for pr in problemen[:50]:
            print("  !", pr)
        return 0 if not problemen else 1
    finally:
        n1.stop()
        n2.stop()


def check_exact(tellingen, problemen, wanneer):
    if tellingen["with more than one report task"] or tellingen["with more than one voortgangsrapportage"]:
        problemen.append(f"{wanneer}: a review fired more than once")
    if tellingen["without a report task"] or tellingen["review fired (timer activity instances)"] \
            != tellingen["opdrachten"]:
        problemen.append(f"{wanneer}: not every review fired exactly once")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("modus", choices=["crash", "cluster"])
    p.add_argument("--jar", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--db-url", required=True)
    p.add_argument("--poort", type=int, default=18110)
    p.add_argument("--opdrachten", type=int, default=30)
    p.add_argument("--clients", type=int, default=6)
    p.add_argument("--kills", type=int, default=3)
    p.add_argument("--min-interval", type=float, default=5)
    p.add_argument("--max-interval", type=float, default=20)
    p.add_argument("--lock-ms", type=int, default=20000)
    p.add_argument("--gelijk-starten", action="store_true")
    p.add_argument("--max-seconden", type=float, default=600)
    p.add_argument("--logmap", default=".")
    args = p.parse_args()
    return crash(args) if args.modus == "crash" else cluster(args)


if __name__ == "__main__":
    sys.exit(main())
