import csv, json, sys
units_f, persons_f, Y, out_f = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
units = list(csv.DictReader(open(units_f, encoding='utf-8')))
C = ["MN5.attend_age5","MN5.complete_age6","TH.grade1_age6","TH.complete_age11","TH.age11_in_primary","TH.complete_age14",
     "THCS.diploma_15_18","THCS.attend_15_18","XMC.lit1_15_35","XMC.lit1_15_25","XMC.lit2_15_60","XMC.lit2_15_35"]
ages = {"MN5.attend_age5":(5,5),"MN5.complete_age6":(6,6),"TH.grade1_age6":(6,6),"TH.complete_age11":(11,11),"TH.age11_in_primary":(11,11),
        "TH.complete_age14":(14,14),"THCS.diploma_15_18":(15,18),"THCS.attend_15_18":(15,18),"XMC.lit1_15_35":(15,35),"XMC.lit1_15_25":(15,25),
        "XMC.lit2_15_60":(15,60),"XMC.lit2_15_35":(15,35)}
cnt = {u['code']: {c:[0,0] for c in C} for u in units if u['level']=='commune'}
def done(v): return v!='' and int(v)<=Y
for p in csv.DictReader(open(persons_f, encoding='utf-8')):
    if p.get('disability')=='cannot_learn': continue
    age = Y - int(p['birth_date'][:4])
    e = p.get('enrolment') or 'none'; g = p.get('grade') or ''
    school = done(p.get('primary_completed','')) or done(p.get('lower_secondary_diploma','')) or done(p.get('upper_secondary_completed',''))
    hg = p.get('highest_grade_completed') or ''; st = p.get('literacy_stage_completed') or ''
    lit1 = school or (hg!='' and int(hg)>=3) or (st!='' and int(st)>=1)
    lit2 = school or (hg!='' and int(hg)>=5) or (st!='' and int(st)==2)
    ok = {"MN5.attend_age5": e=='preschool', "MN5.complete_age6": done(p.get('preschool_completed','')),
          "TH.grade1_age6": e=='primary' and g=='1', "TH.complete_age11": done(p.get('primary_completed','')),
          "TH.age11_in_primary": done(p.get('primary_completed','')) or e=='primary', "TH.complete_age14": done(p.get('primary_completed','')),
          "THCS.diploma_15_18": done(p.get('lower_secondary_diploma','')),
          "THCS.attend_15_18": e in ('upper_secondary','continuing_upper_secondary','vocational') or done(p.get('upper_secondary_completed','')),
          "XMC.lit1_15_35": lit1, "XMC.lit1_15_25": lit1, "XMC.lit2_15_60": lit2, "XMC.lit2_15_35": lit2}
    for c in C:
        lo,hi = ages[c]
        if lo<=age<=hi:
            cnt[p['commune_code']][c][1]+=1
            if ok[c]: cnt[p['commune_code']][c][0]+=1
def m(c, code, t): n,d = cnt[code][c]; return n*100 >= t*d
def commune_levels(code, dis):
    mn5 = m("MN5.attend_age5",code,90 if dis else 95) and m("MN5.complete_age6",code,80 if dis else 85)
    th=0
    if m("TH.grade1_age6",code,90) and m("TH.complete_age14",code,70 if dis else 80):
        th=1
        if m("TH.grade1_age6",code,95) and m("TH.complete_age11",code,70 if dis else 80) and m("TH.age11_in_primary",code,100):
            th=2
            if m("TH.grade1_age6",code,98) and m("TH.complete_age11",code,80 if dis else 90): th=3
    xmc=0
    if m("XMC.lit1_15_25" if dis else "XMC.lit1_15_35",code,90):
        xmc=1
        if m("XMC.lit2_15_35" if dis else "XMC.lit2_15_60",code,90): xmc=2
    thcs=0
    if th>=1 and xmc>=1 and m("THCS.diploma_15_18",code,70 if dis else 80):
        thcs=1
        if m("THCS.diploma_15_18",code,80 if dis else 90):
            thcs=2
            if m("THCS.diploma_15_18",code,90 if dis else 95) and m("THCS.attend_15_18",code,70 if dis else 80): thcs=3
    return {"MN5":mn5,"TH":th,"THCS":thcs,"XMC":xmc}
res = {}
for u in units:
    if u['level']=='commune': res[u['code']] = commune_levels(u['code'], u.get('disadvantaged')=='true')
DP = {"MN5":90,"TH1":90,"TH2":90,"TH3":100,"THCS1":90,"THCS2":95,"THCS3":100,"XMC1":90,"XMC2":90}
CP = {"MN5":100,"TH1":100,"TH2":100,"TH3":100,"THCS1":100,"THCS2":100,"THCS3":100,"XMC1":90,"XMC2":100}
def agg(children, P):
    n=len(children); meet={}
    for k in DP:
        s = k.rstrip('0123456789'); lvl = int(k[len(s):]) if k!='MN5' else 1
        meet[k] = sum(1 for c in children if (c['MN5'] if k=='MN5' else c[s]>=lvl))
    ok = lambda k: meet[k]*100 >= P[k]*n
    lv={"MN5": ok("MN5")}
    for s,mx in (("TH",3),("THCS",3),("XMC",2)):
        l=0
        for k in range(1,mx+1):
            if ok(f"{s}{k}"): l=k
            else: break
        lv[s]=l
    return lv, meet
children = {}
for u in units:
    if u['parent_code']: children.setdefault(u['parent_code'],[]).append(u)
for u in units:
    if u['level']=='district': res[u['code']] = agg([res[c['code']] for c in children.get(u['code'],[])], DP)[0]
for u in units:
    if u['level']=='city':
        kids = children.get(u['code'],[])
        ds = [k for k in kids if k['level']=='district']
        if ds: res[u['code']] = agg([res[k['code']] for k in ds], CP)[0]
        else: res[u['code']] = agg([res[k['code']] for k in kids], DP)[0]
out = json.load(open(out_f))
bad=0
for u in out['units']:
    if u['standards'] != res[u['code']]: bad+=1; print("LEVEL MISMATCH", u['code'], u['standards'], res[u['code']])
    if u['level']=='commune':
        for c in C:
            if [u['criteria'][c]['numerator'],u['criteria'][c]['denominator']] != cnt[u['code']][c]: bad+=1; print("CRIT", u['code'], c)
print("units", len(out['units']), "mismatches", bad)
