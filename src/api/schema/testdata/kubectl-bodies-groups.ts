/**
 * Request bodies captured from real kubectl for the non-core groups (apps, batch, rbac, scheduling, policy,
 * networking), against a logging fake API server on 127.0.0.1 that answered legacy discovery from our registry and
 * 201 with a JSON echo for POSTs. For each command: the protobuf body kubectl 1.32.5 sends (1.33.1 sends the same
 * bytes) and the JSON body kubectl 1.27.16 sends. Decoding the first must give exactly the second.
 */

export interface GroupCapturedBody {
  /** The kubectl command line (after `kubectl`). */
  readonly command: string;
  /** Request path and query, identical for both kubectl versions. */
  readonly url: string;
  /** `application/vnd.kubernetes.protobuf` body from kubectl 1.32.5, hex. */
  readonly protobufHex: string;
  /** `application/json` body from kubectl 1.27.16 for the same command. */
  readonly json127: string;
}

export const KUBECTL_GROUP_BODIES: readonly GroupCapturedBody[] = [
  {
    command: 'create deployment web --image=nginx:1.21 --port=80 --replicas=2',
    url: '/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412bd010a1f0a0377656212001a0022002a003200380042' +
      '005a0a0a036170701203776562128b010802120c0a0a0a0361707012037765621a710a1c0a0012001a0022002a0032003800' +
      '42005a0a0a036170701203776562125112330a056e67696e78120a6e67696e783a312e32312a00320a0a001000185022002a' +
      '0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a' +
      '00280038001a0c0800100018002000280038001a002200',
    json127:
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.21","ports":[{"containerPort":80}],"resources":{}}]}},"strategy":{}},"status":{}}',
  },
  {
    command: 'create job j --image=busybox -- true',
    url: '/apis/batch/v1/namespaces/default/jobs?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a0f0a0862617463682f763112034a6f62127e0a110a016a12001a0022002a00320038004200125f325d0a100a00' +
      '12001a0022002a00320038004200124912260a016a120762757379626f781a04747275652a0042006a007200800100880100' +
      '900100a201001a054e65766572320042004a0052005800600068008201008a01009a0100c201001a082000280030003a001a' +
      '002200',
    json127:
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"j","image":"busybox","command":["true"],"resources":{}}],"restartPolicy":"Never"}}},"status":{}}',
  },
  {
    command: "create cronjob cj --image=busybox --schedule='*/5 * * * *' -- true",
    url: '/apis/batch/v1/namespaces/default/cronjobs?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a130a0862617463682f7631120743726f6e4a6f6212a4010a120a02636a12001a0022002a00320038004200128b' +
      '010a0b2a2f35202a202a202a202a1a002a7a0a120a02636a12001a0022002a00320038004200126432620a100a0012001a00' +
      '22002a00320038004200124e12270a02636a120762757379626f781a04747275652a0042006a007200800100880100900100' +
      'a201001a094f6e4661696c757265320042004a0052005800600068008201008a01009a0100c201001a001a002200',
    json127:
      '{"kind":"CronJob","apiVersion":"batch/v1","metadata":{"name":"cj","creationTimestamp":null},"spec":{"schedule":"*/5 * * * *","jobTemplate":{"metadata":{"name":"cj","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{"name":"cj","image":"busybox","command":["true"],"resources":{}}],"restartPolicy":"OnFailure"}}}}},"status":{}}',
  },
  {
    command: 'create role r --verb=get --resource=pods',
    url: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a240a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f76311204526f6c6512220a110a017212' +
      '001a0022002a00320038004200120d0a0367657412001a04706f64731a002200',
    json127:
      '{"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r","creationTimestamp":null},"rules":[{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}]}',
  },
  {
    command: 'create rolebinding rb --role=r --user=u',
    url: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a2b0a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f7631120b526f6c6542696e64696e6712' +
      '620a120a02726212001a0022002a0032003800420012260a04557365721219726261632e617574686f72697a6174696f6e2e' +
      '6b38732e696f1a017522001a240a19726261632e617574686f72697a6174696f6e2e6b38732e696f1204526f6c651a01721a' +
      '002200',
    json127:
      '{"kind":"RoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"rb","creationTimestamp":null},"subjects":[{"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"u"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"r"}}',
  },
  {
    command: 'create priorityclass pc --value=1000',
    url: '/apis/scheduling.k8s.io/v1/priorityclasses?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a250a147363686564756c696e672e6b38732e696f2f7631120d5072696f72697479436c61737312310a120a0270' +
      '6312001a0022002a0032003800420010e807180022002a14507265656d70744c6f7765725072696f726974791a002200',
    json127:
      '{"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"pc","creationTimestamp":null},"value":1000,"preemptionPolicy":"PreemptLowerPriority"}',
  },
  {
    command: 'create poddisruptionbudget pdb --selector=app=x --min-available=1',
    url: '/apis/policy/v1/namespaces/default/poddisruptionbudgets?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a200a09706f6c6963792f76311213506f6444697372757074696f6e42756467657412370a130a0370646212001a' +
      '0022002a0032003800420012140a06080010011a00120a0a080a036170701201781a0a080018002000280030001a002200',
    json127:
      '{"kind":"PodDisruptionBudget","apiVersion":"policy/v1","metadata":{"name":"pdb","creationTimestamp":null},"spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"x"}}},"status":{"disruptionsAllowed":0,"currentHealthy":0,"desiredHealthy":0,"expectedPods":0}}',
  },
  {
    command: 'create ingress ing --rule="foo.com/bar=svc1:8080"',
    url: '/apis/networking.k8s.io/v1/namespaces/default/ingresses?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a1f0a146e6574776f726b696e672e6b38732e696f2f76311207496e6772657373124a0a130a03696e6712001a00' +
      '22002a00320038004200122f1a2d0a07666f6f2e636f6d12220a200a1e0a042f626172120f220d0a047376633112050a0010' +
      '903f1a0545786163741a020a001a002200',
    json127:
      '{"kind":"Ingress","apiVersion":"networking.k8s.io/v1","metadata":{"name":"ing","creationTimestamp":null},"spec":{"rules":[{"host":"foo.com","http":{"paths":[{"path":"/bar","pathType":"Exact","backend":{"service":{"name":"svc1","port":{"number":8080}}}}]}}]},"status":{"loadBalancer":{}}}',
  },
  {
    command: 'create clusterrole agg --aggregation-rule=rbac.example.com/aggregate-to-monitoring=true',
    url: '/apis/rbac.authorization.k8s.io/v1/clusterroles?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a2b0a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f7631120b436c7573746572526f6c6512' +
      '4b0a130a0361676712001a0022002a003200380042001a340a320a300a28726261632e6578616d706c652e636f6d2f616767' +
      '7265676174652d746f2d6d6f6e69746f72696e671204747275651a002200',
    json127:
      '{"kind":"ClusterRole","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"agg","creationTimestamp":null},"rules":null,"aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"rbac.example.com/aggregate-to-monitoring":"true"}}]}}',
  },
  {
    command: 'create clusterrolebinding crb --clusterrole=view --serviceaccount=default:sa1',
    url: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a320a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f76311212436c7573746572526f6c6542' +
      '696e64696e6712670a130a0363726212001a0022002a0032003800420012200a0e536572766963654163636f756e7412001a' +
      '03736131220764656661756c741a2e0a19726261632e617574686f72697a6174696f6e2e6b38732e696f120b436c75737465' +
      '72526f6c651a04766965771a002200',
    json127:
      '{"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"crb","creationTimestamp":null},"subjects":[{"kind":"ServiceAccount","name":"sa1","namespace":"default"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}}',
  },
  {
    command:
      'create ingress ing2 --class=nginx --default-backend=defsvc:http --rule="foo.com/*=svc2:https,tls=my-cert"',
    url: '/apis/networking.k8s.io/v1/namespaces/default/ingresses?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a1f0a146e6574776f726b696e672e6b38732e696f2f76311207496e6772657373127e0a140a04696e673212001a' +
      '0022002a0032003800420012620a1422120a0664656673766312080a0468747470100012120a07666f6f2e636f6d12076d79' +
      '2d636572741a2f0a07666f6f2e636f6d12240a220a200a012f121322110a047376633212090a05687474707310001a065072' +
      '6566697822056e67696e781a020a001a002200',
    json127:
      '{"kind":"Ingress","apiVersion":"networking.k8s.io/v1","metadata":{"name":"ing2","creationTimestamp":null},"spec":{"ingressClassName":"nginx","defaultBackend":{"service":{"name":"defsvc","port":{"name":"http"}}},"tls":[{"hosts":["foo.com"],"secretName":"my-cert"}],"rules":[{"host":"foo.com","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"svc2","port":{"name":"https"}}}}]}}]},"status":{"loadBalancer":{}}}',
  },
  {
    command: 'create priorityclass pc2 --value=5 --global-default --preemption-policy=Never --description=x',
    url: '/apis/scheduling.k8s.io/v1/priorityclasses?fieldManager=kubectl-create&fieldValidation=Strict',
    protobufHex:
      '6b3873000a250a147363686564756c696e672e6b38732e696f2f7631120d5072696f72697479436c61737312230a130a0370' +
      '633212001a0022002a00320038004200100518012201782a054e657665721a002200',
    json127:
      '{"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1","metadata":{"name":"pc2","creationTimestamp":null},"value":5,"globalDefault":true,"description":"x","preemptionPolicy":"Never"}',
  },
];
